# Name mangling, applied exactly as CPython does, both to the names in __slots__ and to
# `self.__x` targets: `__x` in the body of class `_A` is `_A__x` (leading underscores of the class
# name are dropped), names ending in two underscores are not mangled, and a class named only with
# underscores mangles nothing.


class Plain:
    __slots__ = ('__secret', 'public')

    def __init__(self):
        self.__secret = 1  # both are _Plain__secret
        self._Plain__secret = 2  # the mangled spelling is the same slot
        self.public = 3
        self.__other = 4  # expect: SLT001


class _Private:
    __slots__ = ('__x',)

    def __init__(self):
        self.__x = 1  # _Private__x
        self._Private__x = 2
        self.__y = 3  # expect: SLT001


class __Dunder:
    __slots__ = ('__x',)

    def __init__(self):
        self.__x = 1  # _Dunder__x: leading underscores of the class name are stripped
        self._Dunder__x = 2


class ___:
    __slots__ = ('__x',)

    def __init__(self):
        self.__x = 1  # a class named only with underscores mangles nothing: '__x'


class Spelled:
    __slots__ = ('_Spelled__x',)  # the slot written in its mangled form

    def __init__(self):
        self.__x = 1  # is _Spelled__x: matches
        self.__y = 2  # expect: SLT001


class Magic:
    __slots__ = ('__value__',)

    def __init__(self):
        self.__value__ = 1  # ends with two underscores: not mangled


class Base:
    __slots__ = ('__x',)  # _Base__x

    def __init__(self):
        self.__x = 1


class Sub(Base):
    __slots__ = ()

    def __init__(self):
        super().__init__()
        self._Base__x = 2  # the base's slot, spelled out
        self.__x = 3  # expect: SLT001


class SubWithOwn(Base):
    __slots__ = ('__x',)  # _SubWithOwn__x: a new slot, not the base's

    def __init__(self):
        super().__init__()
        self.__x = 3


class Outer:
    __slots__ = ('__a',)

    class Inner:
        __slots__ = ('__b',)

        def __init__(self):
            self.__b = 1  # _Inner__b
            self.__a = 2  # expect: SLT001

    def __init__(self):
        self.__a = 1  # _Outer__a
        self.__b = 2  # expect: SLT001


Plain()
_Private()
__Dunder()
___()

# Outside any class nothing is mangled.
plain = Plain()
plain._Plain__secret = 5
plain.__secret = 6  # expect: SLT001
underscores = ___()
underscores.__x = 7  # the slot of `___` is really '__x'
Spelled()
Magic()
Sub()
SubWithOwn()
Outer.Inner()
Outer()
