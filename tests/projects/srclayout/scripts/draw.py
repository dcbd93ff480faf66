# scripts/ has no __init__.py; corelib lives under src/.
import corelib.shapes
from corelib import Shape, Colour
from corelib.colours import Tinted


class Square(Shape):
    __slots__ = ("side", "sides")  # expect: SLT002

    def paint(self):
        self.side = 1
        self.colour = "red"  # expect: SLT001


class Triangle(corelib.shapes.Shape):
    __slots__ = ()

    def grow(self):
        self.sides = 3
        self.area = 1  # expect: SLT001


class Swatch(Shape, Colour):  # expect: SLT008
    __slots__ = ()


class Faded(Tinted):
    __slots__ = ()

    def fade(self):
        self.tint = 0
        self.sides = 4
        self.alpha = 0  # expect: SLT001


Square().paint()
Triangle().grow()
Faded().fade()
