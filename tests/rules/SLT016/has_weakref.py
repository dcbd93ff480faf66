# Layouts that do have a __weakref__: a '__weakref__' slot, a base without __slots__ (the base gets
# it), a secondary base that has one, an exception without __slots__, a class without __slots__ at
# all, an enum member. Nothing to report.
import enum
import weakref


class Weak:
    __slots__ = ('__weakref__',)


class Slotted:
    __slots__ = ('a',)


class Both(Slotted, Weak):
    __slots__ = ()


class Plain:
    pass


class BelowPlain(Plain):
    __slots__ = ('x',)


class DictAndWeak:
    __slots__ = ('__dict__', '__weakref__')


class Failure(Exception):
    pass


class Color(enum.Enum):
    RED = 1


def fine():
    weak = Weak()
    weakref.ref(weak)
    both = Both()
    weakref.ref(both)
    plain = Plain()
    weakref.ref(plain)
    below = BelowPlain()
    weakref.ref(below)
    dict_and_weak = DictAndWeak()
    weakref.ref(dict_and_weak)
    failure = Failure()
    weakref.ref(failure)
    weakref.ref(Color.RED)


fine()
