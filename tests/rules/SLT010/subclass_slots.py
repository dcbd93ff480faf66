# Code in a base may delete a slot its subclasses declare: `self` there can be an instance of any
# of them. An instance of the base itself still fails.


class Resettable:
    __slots__ = ()

    def reset(self):
        del self._cache  # an Impl instance has the slot


class Impl(Resettable):
    __slots__ = ('_cache',)

    def __init__(self):
        self._cache = 1


class Loose(Resettable):
    def fill(self):
        self._other = 1


def drop(r: Resettable):
    del r._other  # a Loose instance has a __dict__


Impl().reset()
loose = Loose()
loose.fill()
drop(loose)
plain = Resettable()
del plain._cache  # expect: SLT010
