# Silent: bases that add no layout of their own (empty __slots__, or only '__dict__' /
# '__weakref__' — not solid bases), one layout that extends the other, exceptions that share
# BaseException's layout, and bases slotlint cannot see.
import abc


class Point:
    __slots__ = ('x', 'y')


class Mixin:
    __slots__ = ()


class WeakOnly:
    __slots__ = ('__weakref__',)


class DictOnly:
    __slots__ = ('__dict__',)


class Plain:
    pass


class WithMixin(Point, Mixin):
    pass


class WithWeak(WeakOnly, Point):
    pass


class WithDict(Point, DictOnly):
    pass


class WithPlain(Plain, Point):
    pass


class Point3D(Point):
    __slots__ = ('z',)


class Extends(Point3D, Point):
    pass


class KeyAndOS(KeyError, OSError):
    pass


class Abstract(abc.ABC):
    __slots__ = ()


class AbstractPoint(Abstract, Point):
    pass


def make_base():
    return object


class Unknown(make_base(), Point):
    pass


WithMixin().x = 1
WithWeak().x = 1
WithDict().x = 1
WithPlain().x = 1
Extends().z = 1
KeyAndOS()
AbstractPoint().x = 1
Unknown().x = 1
