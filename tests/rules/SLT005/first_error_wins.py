# CPython stops at the first error, in its own order: the bases, the __slots__ value, nonempty
# slots on a variable-size base, then each entry in turn, then conflicts with the namespace.
# Only that first error is reported. (Target 3.15 checks entries under int in an order we do not
# know yet: silent there.)


class EntryBeforeConflict:
    __slots__ = ('a', 1)  # expect: SLT005
    a = 0


class BadEntryBeforeDuplicateDict:
    __slots__ = (1, '__dict__', '__dict__')  # expect: SLT005


class DuplicateDictBeforeBadEntry:
    __slots__ = ('__dict__', '__dict__', 1)  # expect: SLT006


class OnInt(int):
    __slots__ = (1,)  # expect: SLT007[-py314]


class NoneOnInt(int):
    __slots__ = None  # expect: SLT005


class ConflictFirst(int, str):  # expect: SLT008
    __slots__ = None
