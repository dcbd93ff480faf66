from . import shapes


class Colour:
    __slots__ = ("rgb",)


class Tinted(shapes.Shape):
    __slots__ = ("tint",)
