# select: SLT015
# Subclasses that declare slots, or whose bases already have a __dict__, or that the analysis
# cannot see through.
import collections
from typing import NamedTuple


class Point:
    __slots__ = ('x', 'y')


class WithSlots(Point):
    __slots__ = ('z',)


class WantsDict(Point):
    __slots__ = ('__dict__',)


class Loose:
    pass


class FromLoose(Loose):
    pass


class Error(Exception):
    __slots__ = ('code',)


class SubError(Error):
    pass


class Pair(NamedTuple):
    a: int
    b: int


class PairWithMethods(Pair):
    def total(self):
        return self.a + self.b


Coord = collections.namedtuple('Coord', 'x y')


class CoordWithMethods(Coord):
    pass


class FromInt(int):
    pass


class Meta(type):
    __slots__ = ()


class SubMeta(Meta):
    pass


def decorate(cls):
    return cls


@decorate
class Decorated(Point):
    pass


class Dynamic:
    __slots__ = tuple(['a'])


class FromDynamic(Dynamic):
    pass


WithSlots()
WantsDict()
FromLoose()
SubError()
PairWithMethods(1, 2).total()
CoordWithMethods(1, 2)
FromInt(1)
Decorated()
FromDynamic()
