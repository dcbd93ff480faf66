# Silent: str and float are not variable-size; empty __slots__ is fine everywhere; list and dict
# keep their items outside the instance; an unknown base may be anything.
import collections


class Name(str):
    __slots__ = ('lang',)


class Measure(float):
    __slots__ = ('unit',)


class Number(int):
    __slots__ = ()


class Pair(tuple):
    __slots__ = []


class Items(list):
    __slots__ = ('owner',)


class Table(dict):
    __slots__ = ('name',)


class Counts(collections.Counter):
    __slots__ = ('total_',)


class Number2(complex):
    __slots__ = ('unit',)


def make_base():
    return object


class Unknown(make_base()):
    __slots__ = ('x',)


Point = collections.namedtuple('Point', 'x y')


class PointMethods(Point):
    __slots__ = ()

    def norm(self):
        return abs(self.x) + abs(self.y)


n = Name('n')
n.lang = 'en'
m = Measure(1.0)
m.unit = 'cm'
Items().owner = 1
Table().name = 't'
Counts().total_ = 0
Number2(1).unit = 'V'
Unknown().x = 1
PointMethods(1, 2).norm()
Number(3)
Pair()
