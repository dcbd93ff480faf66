# Reading `__dict__` of an instance without one is an AttributeError; `vars()` of it a TypeError.
# On each receiver: `self` (and its closures), a local bound to `C(...)`, a parameter annotated `: C`.
import collections
import copy
import typing


class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def as_dict(self):
        return dict(self.__dict__)  # expect: SLT017

    def fields(self):
        return vars(self)  # expect: SLT017

    def update(self, **changes):
        self.__dict__.update(changes)  # expect: SLT017

    def closure(self):
        return (lambda: self.__dict__)()  # expect: SLT017


class Point3(Point):
    __slots__ = ('z',)


Pair = collections.namedtuple('Pair', 'a b')


class Typed(typing.NamedTuple):
    a: int


class Count(int):
    __slots__ = ()


def locals_():
    p = Point()
    copy.copy(p.__dict__)  # expect: SLT017
    vars(p)  # expect: SLT017
    p3 = Point3()
    p3.__dict__  # expect: SLT017
    pair = Pair(1, 2)
    pair.__dict__  # expect: SLT017
    typed = Typed(1)
    vars(typed)  # expect: SLT017
    count = Count(3)
    count.__dict__  # expect: SLT017


def annotated(p: Point):
    return sorted(vars(p))  # expect: SLT017


module_point = Point()
print(module_point.__dict__)  # expect: SLT017

Point().as_dict()
Point().fields()
Point().update(x=1)
Point().closure()
locals_()
annotated(Point())
