# select: SLT012
# Bases without a __dict__, and slots that do something even on a __dict__ base.
import abc
import typing
from typing import Generic, NamedTuple, TypeVar

T = TypeVar('T')


class Slotted:
    __slots__ = ('a',)


class Child(Slotted):
    __slots__ = ('b',)


class FromBuiltins(int):
    __slots__ = ()


class FromStr(str):
    __slots__ = ()


class FromTuple(tuple):
    __slots__ = ()


class FromList(list):
    __slots__ = ('meta',)


class FromDict(dict):
    __slots__ = ('meta',)


class Abstract(abc.ABC):
    __slots__ = ('x',)


class Box(Generic[T]):
    __slots__ = ('item',)


class Proto(typing.Protocol):
    __slots__ = ()


class Weak(Exception):
    __slots__ = ('__weakref__',)  # BaseException has a __dict__ but no __weakref__


class WithDictSlot:
    __slots__ = ('__dict__',)


class AfterDictSlot(WithDictSlot):
    __slots__ = ('x',)  # the base asked for a __dict__ on purpose


class Meta(type):
    __slots__ = ()  # classes always have a __dict__


class NoSlots(Slotted):
    pass


class Pair(NamedTuple):
    a: int


Child()
FromBuiltins(1)
FromStr('s')
FromTuple()
FromList()
FromDict()
Box()
Weak()
AfterDictSlot()
NoSlots()
Pair(1)
