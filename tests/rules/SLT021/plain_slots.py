# Any __slots__ in a typing.NamedTuple body: "Cannot overwrite NamedTuple attribute __slots__".
import typing
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: int
    __slots__ = ()  # expect: SLT021


class Named(typing.NamedTuple):
    __slots__ = ('extra',)  # expect: SLT021
    name: str


class Defaults(NamedTuple):
    a: int = 0
    b: int = 1
    __slots__ = []  # expect: SLT021

    def total(self):
        return self.a + self.b


class OnlySlots(NamedTuple):
    __slots__ = ()  # expect: SLT021


class Docstring(NamedTuple):
    """A point."""
    x: int
    __slots__ = tuple(['dynamic'])  # expect: SLT021
