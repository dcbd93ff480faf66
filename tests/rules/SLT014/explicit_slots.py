# requires-python: 3.10
# @dataclass(slots=True) refuses a class that already has __slots__: "D already specifies __slots__".
import dataclasses
from dataclasses import dataclass
from typing import ClassVar


@dataclass(slots=True)
class Point:
    __slots__ = ('x', 'y')  # expect: SLT014
    x: int
    y: int


@dataclasses.dataclass(slots=True, frozen=True)
class Frozen:
    __slots__ = ()  # expect: SLT014
    x: int = 0


@dataclass(slots=True)
class Only:
    __slots__ = ['a']  # expect: SLT014


@dataclass(order=True, slots=True)
class Extra:
    """A docstring."""
    __slots__ = ('x', 'cache')  # expect: SLT014
    x: int
    unit: ClassVar[str] = 'm'


@dataclass(slots=True)
class Dicty:
    __slots__ = ('__dict__',)  # expect: SLT014
    x: int = 0


@dataclass(slots=True)
class Bare:
    x: int
    __slots__ = 'x',  # expect: SLT014
