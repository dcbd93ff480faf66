# Where __slots__ belongs (a subclass of a NamedTuple class), or where something else fails first.
import collections
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int


class Point3(Point):
    __slots__ = ()  # the recommended way to subclass a NamedTuple class


Coord = collections.namedtuple('Coord', 'x y')


class CoordSub(Coord):
    __slots__ = ()


class Plain:
    __slots__ = ()


class Deleted(NamedTuple):
    x: int
    __slots__ = ()
    del __slots__


class Conditional(NamedTuple):
    x: int
    if len('x') == 2:
        __slots__ = ()


Point3(1, 2)
CoordSub(1, 2)
Deleted(1)
Conditional(1)
