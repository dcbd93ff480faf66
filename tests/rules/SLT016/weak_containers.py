# The weak containers make a weak reference to what they hold: a WeakSet to its elements, a
# WeakKeyDictionary to its keys (also to look one up), a WeakValueDictionary to its values. The
# container is built in the call itself or held by a name bound once to its constructor, at module
# level or locally.
import weakref
from weakref import WeakKeyDictionary, WeakSet, WeakValueDictionary

_live = weakref.WeakSet()
_by_key = WeakKeyDictionary()
_by_name = weakref.WeakValueDictionary()


class Session:
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def register(self):
        _live.add(self)  # expect: SLT016
        _by_key[self] = self.name  # expect: SLT016
        _by_name[self.name] = self  # expect: SLT016

    def lookup(self):
        _by_key.get(self)  # expect: SLT016
        _by_key.pop(self, None)  # expect: SLT016
        _by_name.setdefault(self.name, self)  # expect: SLT016


def weak_sets():
    s = Session('a')
    WeakSet([s])  # expect: SLT016
    weakref.WeakSet((s,))  # expect: SLT016
    weakref.WeakSet().add(s)  # expect: SLT016
    seen = WeakSet()
    seen.update({s})  # expect: SLT016
    seen.discard(s)  # expect: SLT016
    seen.remove(s)  # expect: SLT016


def weak_keys():
    s = Session('b')
    d = weakref.WeakKeyDictionary()
    d[s] = 1  # expect: SLT016
    d[s]  # expect: SLT016
    del d[s]  # expect: SLT016
    d[s] += 1  # expect: SLT016
    d.setdefault(s, 0)  # expect: SLT016
    d.update({s: 2})  # expect: SLT016
    WeakKeyDictionary({s: 3})  # expect: SLT016
    weakref.WeakKeyDictionary()[s] = 4  # expect: SLT016


def weak_values():
    s = Session('c')
    d = WeakValueDictionary()
    d['c'] = s  # expect: SLT016
    d.update({'c': s})  # expect: SLT016
    d.update(c=s)  # expect: SLT016
    WeakValueDictionary({'c': s})  # expect: SLT016
    weakref.WeakValueDictionary(c=s)  # expect: SLT016


Session('x').register()
Session('y').lookup()
weak_sets()
weak_keys()
weak_values()
