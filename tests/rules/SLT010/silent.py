# Deletions that work, or fail with another rule's error, or that the analysis cannot know.
import collections


class WithDict:
    def drop(self):
        self.x = 1
        del self.x


class DictSlot:
    __slots__ = ('__dict__',)

    def drop(self):
        self.x = 1
        del self.x


class CustomDelattr:
    __slots__ = ()

    def __delattr__(self, name):
        pass

    def drop(self):
        del self.anything


class ForwardingDelattr:
    __slots__ = ('a',)

    def __delattr__(self, name):
        object.__delattr__(self, name)

    def drop(self):
        self.a = 1
        del self.a
        del self.b  # expect: SLT010


class Props:
    __slots__ = ('_v',)

    @property
    def v(self):
        return self._v

    @v.deleter
    def v(self):
        del self._v

    def drop(self):
        self._v = 1
        del self.v


class ClassVariable:
    __slots__ = ()
    v = 1

    def drop(self):
        del self.v  # expect: SLT009


class Unknown(collections.UserList):
    __slots__ = ()

    def drop(self):
        self.x = 1
        del self.x


class Dynamic:
    __slots__ = list(['__dict__'])

    def drop(self):
        self.x = 1
        del self.x


WithDict().drop()
DictSlot().drop()
CustomDelattr().drop()
ForwardingDelattr().drop()
Props().drop()
ClassVariable().drop()
Unknown().drop()
Dynamic().drop()
