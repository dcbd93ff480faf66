# An annotation without a value in a slotted class, for a name no slot holds.
from typing import ClassVar


class Point:
    __slots__ = ('x',)
    x: int
    y: int  # expect: SLT019

    def __init__(self, x):
        self.x = x


class Vector(Point):
    __slots__ = ('z',)
    x: float  # a slot of the base
    z: float
    norm: float  # expect: SLT019


class Mangled:
    __slots__ = ('__a',)
    __a: int
    __b: int  # expect: SLT019


class Listed:
    __slots__ = ['name']
    name: str
    age: 'int'  # expect: SLT019
    tags: ClassVar[list]  # a ClassVar is not an instance attribute


class Typed:
    __slots__ = ('a', 'b')
    a: int
    b: int
    c: 'list[int]'  # expect: SLT019


class Multi(Point, object):
    __slots__ = ('m',)
    q: int  # expect: SLT019


Point(1)
Vector(1)
Mangled()
Listed()
Typed()
Multi(1)
