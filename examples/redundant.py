"""SLT002: a slot that a base class already declares wastes a pointer in every instance."""


class Vector2:
    __slots__ = ("x", "y")


class Vector3(Vector2):
    __slots__ = ("x", "y", "z")  # 'x' and 'y' are Vector2's already
