# select: SLT020
# Slots assigned by code the file does not spell out as a store.
# requires-python: 3.11
from dataclasses import dataclass


class Root:
    __slots__ = ('x', 'unused')  # expect: SLT020


@dataclass(slots=True)
class Point(Root):
    x: int  # the generated __init__ assigns the slot of Root (3.11 leaves it out of Point's slots)
    y: int


def cached(fn):
    name = '_cache_' + fn.__name__

    def get(self):
        value = fn(self)
        type(self).__dict__[name].__set__(self, value)
        return value
    return property(get)


class Report:
    __slots__ = ('_cache_total',)  # a slot-aware caching decorator fills it

    @cached
    def total(self):
        return 42


Point(1, 2)
Report().total
