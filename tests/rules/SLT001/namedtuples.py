# typing.NamedTuple and collections.namedtuple classes are slotted with (): their instances take
# no new attributes, and neither do subclasses that declare __slots__ = (). A subclass without
# __slots__ has a __dict__ again.
import collections
import typing
from collections import namedtuple
from typing import NamedTuple


class Pair(NamedTuple):
    left: int
    right: int

    def tag(self):
        self.label = 'pair'  # expect: SLT001


class Triple(typing.NamedTuple):
    a: int
    b: int
    c: int


Point = namedtuple('Point', 'x y')
Coord = collections.namedtuple('Coord', ['lat', 'lon'])


class Point3(Point):
    __slots__ = ()

    def tag(self):
        self.z = 0  # expect: SLT001


class LoosePoint(Point):
    def tag(self):
        self.z = 0  # no __slots__: a __dict__


class LooseCoord(Coord):
    pass


# defaults= and module= leave the field names as written; rename=False too.
class Defaulted(collections.namedtuple('DefaultedBase', 'a b', defaults=(0, 0), module=__name__)):
    __slots__ = ()

    def tag(self):
        self.c = 0  # expect: SLT001


class NotRenamed(namedtuple('NotRenamedBase', ['a'], rename=False)):
    __slots__ = ()

    def tag(self):
        self.c = 0  # expect: SLT001


# rename=True may rename fields: the class is unknown, silent.
class Renamed(namedtuple('RenamedBase', ['a', 'def'], rename=True)):
    __slots__ = ()

    def tag(self):
        self._1 = 0  # the renamed field: read-only, not a slots error


pair = Pair(1, 2)
pair.tag()
pair.extra = 1  # expect: SLT001
triple = Triple(1, 2, 3)
triple.extra = 1  # expect: SLT001
Point3(1, 2).tag()
LoosePoint(1, 2).tag()
Defaulted().tag()
NotRenamed(1).tag()
Renamed(1, 2).tag()
loose = LooseCoord(0.0, 0.0)
loose.name = 'origin'
