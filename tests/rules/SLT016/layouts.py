# What decides is the layout's __weakrefoffset__, not the __dict__: a '__dict__' slot brings no
# __weakref__, BaseException subclasses with __slots__ = () have a __dict__ but no __weakref__,
# subclasses of int, bytes and tuple (named tuples too) get none even without __slots__ (before
# Python 3.15, which may give them one).
import collections
import typing
import weakref


class WithDict:
    __slots__ = ('__dict__',)


class Error(Exception):
    __slots__ = ()


class Number(int):
    pass


class Blob(bytes):
    pass


class Pair(tuple):
    pass


Point = collections.namedtuple('Point', 'x y')


class Typed(typing.NamedTuple):
    x: int


class Base:
    __slots__ = ('a',)


class Leaf(Base):
    __slots__ = ('b',)


def no_weakref():
    with_dict = WithDict()
    weakref.ref(with_dict)  # expect: SLT016
    error = Error()
    weakref.ref(error)  # expect: SLT016
    number = Number(1)
    weakref.ref(number)  # expect: SLT016[-py314]
    blob = Blob(b'x')
    weakref.ref(blob)  # expect: SLT016[-py314]
    pair = Pair()
    weakref.ref(pair)  # expect: SLT016[-py314]
    point = Point(1, 2)
    weakref.ref(point)  # expect: SLT016[-py314]
    typed = Typed(1)
    weakref.ref(typed)  # expect: SLT016[-py314]
    leaf = Leaf()
    weakref.ref(leaf)  # expect: SLT016


no_weakref()
