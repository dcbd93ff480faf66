# -*- coding: utf-8 -*-
import weakref
from dataclasses import dataclass
from typing import NamedTuple


class Base:
    __slots__ = ('a', '__weakref__')


class Child(Base):
    __slots__ = ['a', 'b', 'b', '__dict__', 1, 'not an identifier']
    c = 1
    __slots__ += ('c',)

    def __init__(self):
        self.a = 1
        self.zz = 2  # noqa: SLT001
        self.__private = 3
        del self.gone
        vars(self)
        weakref.ref(self)
        super().__init__()


class Meta(type):
    __slots__ = ('x',)


class Big(int):
    __slots__ = 'x'


@dataclass(slots=True)
class D(Base):
    __slots__ = ()
    f: int = 0

    def m(self):
        return super().m()


class T(NamedTuple):
    __slots__ = ()
    x: int


class ﬁle:
    __slots__ = ("ﬁle", "\N{LATIN SMALL LIGATURE FI}")

    def __init__(self):
        self.ﬁle = 1
