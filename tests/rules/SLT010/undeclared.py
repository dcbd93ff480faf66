# `del self.x` for a name that is neither a slot nor a class attribute, without __dict__.


class Cache:
    __slots__ = ('data', 'hits')

    def __init__(self):
        self.data = {}
        self.hits = 0

    def clear(self):
        del self.data
        del self.stale  # expect: SLT010

    def clear_many(self):
        del self.hits, self.misses  # expect: SLT010

    def clear_list(self):
        del [self.gone]  # expect: SLT010


class Sub(Cache):
    __slots__ = ('extra',)

    def drop(self):
        self.extra = 1
        del self.extra
        del self.data
        del self.__private  # expect: SLT010


def purge(c: Cache):
    del c.history  # expect: SLT010


c = Cache()
c.clear()
Cache().clear_many()
Cache().clear_list()
Sub().drop()
purge(Cache())
local = Cache()
del local.missing  # expect: SLT010
