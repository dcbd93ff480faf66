# A literal __all__: a star import takes exactly these names.
__all__ = ["Exported"]


class Exported:
    __slots__ = ("e",)


class Unlisted:
    __slots__ = ("u",)
