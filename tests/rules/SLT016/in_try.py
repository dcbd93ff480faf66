# A weak reference is reported where it raises, handled or not: the error is what CPython does
# (code that means it, as a probe, says so with `# noqa: SLT016`).
import weakref


class Leaf:
    __slots__ = ('a',)


def probe(leaf: Leaf):
    try:
        return weakref.ref(leaf)  # expect: SLT016
    except TypeError:
        return lambda: leaf


def not_handled():
    leaf = Leaf()
    try:
        weakref.ref(leaf)  # expect: SLT016
    except ReferenceError:
        pass


probe(Leaf())
try:
    not_handled()
except TypeError:
    pass
