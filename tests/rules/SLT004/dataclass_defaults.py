# requires-python: 3.10
# @dataclass(slots=True) beside an explicit __slots__: the class statement itself runs first, so a
# field default that collides with an explicit slot is this ValueError, before the decorator's
# own TypeError ("already specifies __slots__", SLT014) could be raised.
import dataclasses
from dataclasses import dataclass


@dataclass(slots=True)
class Point:
    __slots__ = ('x', 'y')  # expect: SLT004
    x: int = 0
    y: int


@dataclasses.dataclass
class Plain:
    __slots__ = ('count',)  # expect: SLT004
    count: int = 0


@dataclass
class WithoutDefault:
    __slots__ = ('name',)
    name: str


@dataclass(slots=True)
class GeneratedSlots:
    label: str = ''


WithoutDefault('n')
GeneratedSlots().label = 'x'
