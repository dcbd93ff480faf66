# Annotations that are slots, class variables, or that some instance can hold.
import abc
import typing
from typing import ClassVar, NamedTuple, Protocol


class WithValue:
    __slots__ = ('a',)
    b: int = 1  # a class variable


class Both:
    __slots__ = ('a',)
    b: int
    b = 2  # bound as a class variable too


class ClassVars:
    __slots__ = ('a',)
    b: ClassVar[int]
    c: typing.ClassVar[str]


class HasDict:
    __slots__ = ('a', '__dict__')
    b: int


class NoSlots:
    b: int


class Mixin:
    __slots__ = ()
    name: str  # what the classes using the mixin store


class UsesMixin(Mixin):
    __slots__ = ('name',)


class Base:
    __slots__ = ('a',)
    b: int  # a subclass of this file has the slot


class Sub(Base):
    __slots__ = ('b',)


class Loose(Base):
    pass


class Abstract(abc.ABC):
    __slots__ = ('a',)
    b: int


class Shape(Protocol):
    __slots__ = ('a',)
    b: int


class Pair(NamedTuple):
    a: int
    b: int


class Custom:
    __slots__ = ('a',)
    b: int

    def __setattr__(self, name, value):
        pass


class Prop:
    __slots__ = ('_b',)
    b: int

    @property
    def b(self):
        return self._b


if typing.TYPE_CHECKING:
    class Hidden:
        __slots__ = ('a',)
        b: int


class Dynamic:
    __slots__ = tuple(['a'])
    b: int


Sub().b = 1
Loose().b = 1
Pair(1, 2)


class Wrapper:
    __slots__ = ('data',)
    title: str  # answered by __getattr__

    def __init__(self):
        self.data = {'title': 't'}

    def __getattr__(self, name):
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None


Wrapper().title
