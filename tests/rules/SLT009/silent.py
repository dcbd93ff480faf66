# Assignments that work, or whose failure is not this rule's read-only error.
import typing
from typing import NamedTuple


class WithDict:
    v = 1

    def set(self):
        self.v = 2  # the instance's __dict__ takes it


class DictSlot:
    __slots__ = ('a', '__dict__')
    v = 1

    def set(self):
        self.v = 2


class Props:
    __slots__ = ('_x', '_y')

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value

    @property
    def y(self):
        return self._y

    def set(self):
        self.x = 1
        try:
            self.y = 2  # a property without a setter: another message, not a slots mistake
        except AttributeError:
            pass


class SubProp(Props):
    __slots__ = ()

    @Props.y.setter
    def y(self, value):
        self._y = value

    def set_y(self):
        self.y = 3


class Desc:
    def __set__(self, obj, value):
        pass

    def __get__(self, obj, owner=None):
        return 0


class WithDescriptor:
    __slots__ = ()
    d = Desc()  # not a literal: may be a data descriptor

    def set(self):
        self.d = 1


class CustomSetattr:
    __slots__ = ()
    v = 1

    def __setattr__(self, name, value):
        pass

    def set(self):
        self.v = 2


class Klass:
    __slots__ = ()
    count = 0

    @classmethod
    def inc(cls):
        cls.count = 1

    @staticmethod
    def make(obj):
        obj.count = 2


class Conditional:
    __slots__ = ()
    if typing.TYPE_CHECKING:
        v = 1

    def set(self):
        self.v = 1  # expect: SLT001


class Deleted:
    __slots__ = ()
    v = 1
    del v

    def set(self):
        self.v = 1  # expect: SLT001


class Point(NamedTuple):
    x: int

    def move(self):
        try:
            self.x = 1  # a NamedTuple field: "can't set attribute"
        except AttributeError:
            pass


WithDict().set()
DictSlot().set()
Props().set()
SubProp().set_y()
WithDescriptor().set()
CustomSetattr().set()
Klass.inc()
Klass.make(WithDict())
Conditional().set()
Deleted().set()
Point(1).move()
