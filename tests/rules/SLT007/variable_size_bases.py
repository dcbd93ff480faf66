# Nonempty __slots__ on a class laid out on a variable-size built-in (int, bytes, tuple, and what
# derives from them): "TypeError: nonempty __slots__ not supported for subtype of 'int'" (CPython
# names the base it lays the class out on). Target 3.15 accepts any slots under tuple.
import collections
import typing


class Flags(int):
    __slots__ = ('label',)  # expect: SLT007


class Blob(bytes):
    __slots__ = ['encoding']  # expect: SLT007


class Pair(tuple):
    __slots__ = ('extra',)  # expect: SLT007[-py314]


class MyInt(int):
    pass


class BelowMyInt(MyInt):
    __slots__ = ('unit',)  # expect: SLT007


Point = collections.namedtuple('Point', 'x y')


class LabelledPoint(Point):
    __slots__ = ('label',)  # expect: SLT007[-py314]


class Typed(typing.NamedTuple):
    x: int


class BelowTyped(Typed):
    __slots__ = ('label',)  # expect: SLT007[-py314]


class Inline(collections.namedtuple('Inline', ['a'])):
    __slots__ = ('b',)  # expect: SLT007[-py314]


class InlineDefaults(collections.namedtuple('InlineDefaults', 'a b', defaults=(0, 0))):
    __slots__ = ('__weakref__',)  # expect: SLT007[-py314]


class Mixin:
    __slots__ = ()


class MixedIn(Mixin, int):
    __slots__ = ('unit',)  # expect: SLT007


class WeakNumber(int):
    __slots__ = ('__weakref__',)  # expect: SLT007[-py314]


class DictAndName(bytes):
    __slots__ = ('__dict__', 'name')  # expect: SLT007


class Multiline(int):
    __slots__ = (  # expect: SLT007
        'a',
        'b',
    )
