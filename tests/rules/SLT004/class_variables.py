# A slot name the class body also binds: CPython refuses the class when the statement runs
# (ValueError: 'x' in __slots__ conflicts with class variable). Each class below fails on its own;
# its name is never bound.


class Default:
    __slots__ = ('x', 'y')  # expect: SLT004
    x = 0


class AnnotatedDefault:
    __slots__ = ('a',)  # expect: SLT004
    a: int = 1


class Method:
    __slots__ = ['name', 'size']  # expect: SLT004

    def size(self):
        return 0


class Property:
    __slots__ = ('_width', 'width')  # expect: SLT004

    @property
    def width(self):
        return self._width


class Static:
    __slots__ = ('make',)  # expect: SLT004

    @staticmethod
    def make():
        return None


class Nested:
    __slots__ = ('Inner',)  # expect: SLT004

    class Inner:
        pass


class Imported:
    __slots__ = ('os',)  # expect: SLT004
    import os


class ImportedFrom:
    __slots__ = ('path',)  # expect: SLT004
    from os import path


class Unpacked:
    __slots__ = ('lo', 'hi')  # expect: SLT004
    lo, hi = 0, 10


class Chained:
    __slots__ = ('first',)  # expect: SLT004
    first = second = None


class SlotsItself:
    __slots__ = ('__slots__',)  # expect: SLT004


class Private:
    # '__secret' is stored as '_Private__secret', and so is the class variable.
    __slots__ = ('__secret',)  # expect: SLT004
    __secret = 1


class MangledSpelling:
    __slots__ = ('_MangledSpelling__token',)  # expect: SLT004
    __token = None


class Rebound:
    __slots__ = ('value',)  # expect: SLT004
    value = 1
    del value
    value = 2


class List:
    __slots__ = [  # the first conflicting entry in order is the one CPython names
        'a',
        'b',  # expect: SLT004
    ]
    b = 1


class SlottedBase:
    __slots__ = ('x',)


class RedeclaresAndBinds(SlottedBase):
    # Also a redundant slot, but the class is never created: only the ValueError is reported.
    __slots__ = ('x',)  # expect: SLT004
    x = 1
