# No __all__: a star import takes every top-level name that does not start with `_`.
class Animal:
    __slots__ = ("name",)


class _Hidden:
    __slots__ = ("h",)


class Plain:
    pass
