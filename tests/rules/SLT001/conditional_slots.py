# A __slots__ assigned in every branch of an if/elif/else or try/except in the class body gives the
# class whichever branch ran. A name that no branch declares fails either way: reported. A name one
# branch declares, a branch without a literal or without __slots__ at all (no else: the class may
# have a __dict__), a branch with '__dict__', or another __slots__ elsewhere in the body: silent.
# (A subclass with a conditional __slots__ is unknown to its bases' checks, as any dynamic one.)
import sys

FAST = sys.version_info >= (3, 9)


class Point:
    if FAST:
        __slots__ = ('x', 'y')
    elif sys.platform == 'nowhere':
        __slots__ = ('x', 'y', 'z')
    else:
        __slots__ = ['x', 'y', 'cache']

    def __init__(self):
        self.x = 1
        self.y = 2
        self.label = 'p'  # expect: SLT001


class Probed:
    try:
        import _slotlint_no_such_module  # noqa: F401
        __slots__ = ('a',)
    except ImportError:
        __slots__ = ('b',)

    def __init__(self):
        self.c = 3  # expect: SLT001


class Base:
    __slots__ = ('x',)


class Derived(Base):
    if FAST:
        __slots__ = ('w',)
    else:
        __slots__ = ()

    def set(self):
        self.x = 0
        self.depth = 1  # expect: SLT001


class OneBranchHasIt:
    if FAST:
        __slots__ = ('a',)
    else:
        __slots__ = ('a', 'b')

    def set(self):
        if not FAST:
            self.b = 2


class NoElse:
    if FAST:
        __slots__ = ('a',)

    def set(self):
        if not FAST:
            self.b = 2


class WithDict:
    if FAST:
        __slots__ = ('a', '__dict__')
    else:
        __slots__ = ('a',)

    def set(self):
        if FAST:
            self.b = 2


class NotLiteral:
    if FAST:
        __slots__ = tuple('ab')
    else:
        __slots__ = ('a',)

    def set(self):
        if FAST:
            self.b = 2


class Later:
    if FAST:
        __slots__ = ('a',)
    else:
        __slots__ = ('b',)
    __slots__ = ('a', 'c')

    def set(self):
        self.c = 3


class Open:
    pass


class OverOpen(Open):
    if FAST:
        __slots__ = ('a',)
    else:
        __slots__ = ('b',)

    def set(self):
        self.c = 3


Point()
Probed()
Derived().set()
OneBranchHasIt().set()
NoElse().set()
WithDict().set()
NotLiteral().set()
Later().set()
OverOpen().set()
