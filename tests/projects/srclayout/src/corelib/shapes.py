class Shape:
    __slots__ = ("sides",)
