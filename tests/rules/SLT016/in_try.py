# A weak reference that raises where the code catches its TypeError is the code probing on purpose
# (does this instance take weak references?): nothing raises out of the `try`, so nothing is
# reported. A handler for something else, an `else`, a handler's own body, a function defined in
# the `try` (it runs later) are still checked.
import weakref


class Leaf:
    __slots__ = ('a',)


def probe(leaf: Leaf):
    try:
        return weakref.ref(leaf)
    except TypeError:
        return lambda: leaf


def probe_broadly(leaf: Leaf):
    seen = weakref.WeakSet()
    try:
        seen.add(leaf)
    except (ValueError, Exception):
        pass
    try:
        vars(leaf)
    except TypeError:
        pass


def not_handled():
    leaf = Leaf()
    try:
        weakref.ref(leaf)  # expect: SLT016
    except ReferenceError:
        pass


def in_else():
    leaf = Leaf()
    try:
        pass
    except TypeError:
        pass
    else:
        weakref.ref(leaf)  # expect: SLT016


def later():
    leaf = Leaf()
    try:
        def make():
            return weakref.ref(leaf)  # expect: SLT016
    except TypeError:
        pass
    return make()


probe(Leaf())
probe_broadly(Leaf())
for case in (not_handled, in_else, later):
    try:
        case()
    except TypeError:
        pass
