class Base:
    __slots__ = ("name",)


class Point:
    __slots__ = ("x", "y")


class Meta(type):
    pass


class Plain:
    pass


class Opaque:
    __slots__ = [n for n in ("a", "anything")]
