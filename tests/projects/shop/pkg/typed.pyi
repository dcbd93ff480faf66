class Typed:
    __slots__ = ("a",)
    a: int
