# Whatever the analysis cannot see through gives no finding; here each unknown really gives the
# instances a __dict__ (or a data descriptor), so the assignments work.
import collections


def decorate(cls):
    return type(cls.__name__, (cls,), {})  # a subclass without __slots__: a __dict__


@decorate
class Decorated:
    __slots__ = ()
    v = 1

    def set(self):
        self.v = 2


class Dynamic:
    __slots__ = tuple(['a', '__dict__'])
    v = 1

    def set(self):
        self.v = 2


class FromUnknown(collections.UserDict):
    __slots__ = ()
    v = 1

    def set(self):
        self.v = 2


class Desc:
    def __get__(self, obj, owner=None):
        return 0

    def __set__(self, obj, value):
        pass


def make():
    return Desc()


class CalledValue:
    __slots__ = ()
    v = make()  # not a literal: it may be (and here is) a data descriptor

    def set(self):
        self.v = 2


class Conditional:
    __slots__ = ()
    if len('x') == 1:
        v = Desc()
    else:
        v = 1

    def set(self):
        self.v = 2


Decorated().set()
Dynamic().set()
FromUnknown().set()
CalledValue().set()
Conditional().set()
