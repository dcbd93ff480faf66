# The examples of SPEC section 1: what must stay silent, and what must be reported.
import typing

T = typing.TypeVar('T')


class S(str):
    __slots__ = ('a',)


class F(float):
    __slots__ = ('a',)


class M(type):
    __slots__ = ()


class E(Exception):
    __slots__ = ('__weakref__',)


class C(typing.Generic[T]):
    __slots__ = ('a',)


C().a = 1
s = S('s')
s.a = 1
f = F(1.0)
f.a = 1


class E2(Exception):
    __slots__ = ('__dict__',)  # expect: SLT006


class C2(int, str):  # expect: SLT008
    pass


class I(int):
    __slots__ = ('__dict__',)  # expect: SLT007[-py314]


class A:
    __slots__ = ('a',)  # expect: SLT004
    a: int = 1


class A2:
    __slots__ = ('__slots__',)  # expect: SLT004
