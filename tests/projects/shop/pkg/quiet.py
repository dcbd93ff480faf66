class Quiet:
    __slots__ = ("q",)
