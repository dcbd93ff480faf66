# Properties patched into a class of another module, through the name imported from it and through
# the package's dotted name, let instances made here store them; other names still raise.
import geo
from geo import Circle, Square
from geo.base import Shape


def _get(self):
    return 'L'


def _set(self, value):
    pass


Shape.label = property(_get, _set)
geo.Shape.tag = property(_get, _set)


def main():
    c = Circle(1)
    c.radius = 2
    c.label = 'x'
    c.tag = 'y'
    c.colour = 'red'  # expect: SLT001
    s = Square(1)
    s.colour = 'blue'


main()
