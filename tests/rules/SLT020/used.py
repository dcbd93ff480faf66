# select: SLT020
# Every slot here is assigned somewhere in the file, one way or another.
from dataclasses import dataclass


class Point:
    __slots__ = ('x', 'y', 'z', 'w', 'v', 'u', 't')

    def __init__(self):
        self.x = 0
        self.v = 0
        self.v += 1
        for self.z in range(1):
            pass
        object.__setattr__(self, 'y', 1)
        setattr(self, 'u', 2)


def build(p):
    p.w = 1  # any receiver counts
    holder = [p]
    holder[0].t = 2


class WithTuple:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a, self.b = 1, 2


@dataclass
class Data:
    __slots__ = ('x', 'y')
    x: int
    y: int  # fields are assigned by the generated __init__


class Base:
    def __init__(self):
        self.name = 'base'


class Sub(Base):
    __slots__ = ('name',)


class Special:
    __slots__ = ('__dict__', '__weakref__')


class Forwarding:
    __slots__ = ('a',)

    def __init__(self):
        super().__setattr__('a', 1)


p = Point.__new__(Point)
build(p)
WithTuple()
Data(1, 2)
Sub()
Special()
Forwarding()
