# select: SLT012
# __slots__ on a class whose base gives its instances a __dict__ anyway.
import collections
import enum
import threading


class Plain:
    def __init__(self):
        self.created = 0


class Point(Plain):
    __slots__ = ('x', 'y')  # expect: SLT012


class Deeper(Point):
    __slots__ = ('z',)  # expect: SLT012


class Error(Exception):
    __slots__ = ('code',)  # expect: SLT012


class Ordered(collections.OrderedDict):
    __slots__ = ()  # expect: SLT012


class Color(enum.Enum):
    __slots__ = ()  # expect: SLT012
    RED = 1


class Worker(threading.Thread):
    __slots__ = ('job',)  # expect: SLT012


class Users(collections.UserDict):
    __slots__ = ('owner',)  # expect: SLT012


class Mixed(Plain, Exception):
    __slots__ = ('m',)  # expect: SLT012


p = Point()
p.x = 1
p.anything = 2  # the __dict__ of Plain takes it
Deeper()
Error('boom').code = 1
Ordered()
Color.RED
Worker().job = 1
Users()
Mixed()
