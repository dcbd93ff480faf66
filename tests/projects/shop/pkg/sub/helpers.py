class Helper:
    __slots__ = ("h",)
