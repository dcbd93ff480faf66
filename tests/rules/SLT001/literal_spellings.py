# Slot names are string literals, read as CPython reads them: implicit concatenation, escapes and
# prefixes; an annotated `__slots__: tuple = ...` is still the class's __slots__; a plain
# @dataclass keeps the class's own __slots__. (A `\N{...}` escape is not evaluated — it needs the
# Unicode name database — so a class whose slots use one is treated as unknown: see SLT001.md.)
from dataclasses import dataclass


class Concatenated:
    __slots__ = ('a' 'b',)  # one slot: 'ab'

    def __init__(self):
        self.ab = 1
        self.a = 2  # expect: SLT001


class Escaped:
    __slots__ = ('\x61', u'c', '\u0064', '\U00000065')

    def __init__(self):
        self.a = 1
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6  # expect: SLT001


class Annotated:
    __slots__: tuple = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


@dataclass
class PlainDataclass:
    __slots__ = ('a',)
    a: int

    def more(self):
        self.a = 2
        self.b = 3  # expect: SLT001


class WithSetter:
    __slots__ = ('_x',)

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value
        self.y = value  # expect: SLT001


class Outer:
    __slots__ = ('a',)

    def method(self):
        class Inner:
            def f(inner_self):
                inner_self.anything = 1  # Inner has a __dict__
                self.zz = 1  # expect: SLT001
        Inner().f()


Concatenated()
Escaped()
Annotated()
PlainDataclass(1).more()
w = WithSetter()
w.x = 1
Outer().method()
