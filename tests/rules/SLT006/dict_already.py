# A '__dict__' slot when the base CPython lays the class out on already gives instances a
# __dict__, or a second '__dict__' entry: "TypeError: __dict__ slot disallowed: we already got one".
import collections


class Twice:
    __slots__ = ('__dict__', 'x', '__dict__')  # expect: SLT006


class TwiceInList:
    __slots__ = [
        '__dict__',
        '__dict__',  # expect: SLT006
    ]


class Error(Exception):
    __slots__ = ('__dict__',)  # expect: SLT006


class Plain:
    pass


class BelowPlain(Plain):
    __slots__ = ('x', '__dict__')  # expect: SLT006


class WithDict:
    __slots__ = ('__dict__',)


class BelowWithDict(WithDict):
    __slots__ = ('__dict__',)  # expect: SLT006


class Ordered(collections.OrderedDict):
    __slots__ = ('__dict__',)  # expect: SLT006


class Mixin:
    __slots__ = ()


class PlainFirst(Plain, Mixin):
    __slots__ = ('__dict__',)  # expect: SLT006
