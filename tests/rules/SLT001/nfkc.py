# Identifiers are NFKC-normalised by CPython's parser; the strings in __slots__ are not.
# `self.ﬁle` (U+FB01 LATIN SMALL LIGATURE FI) assigns `file`.


class Doc:
    __slots__ = ('file', 'x')

    def __init__(self):
        self.ﬁle = 1  # is `file`: a slot
        self.ｘ = 2  # FULLWIDTH LATIN SMALL LETTER X is `x`: a slot
        self.ｙ = 3  # expect: SLT001


class Ligature:
    __slots__ = ('ﬁle',)  # a slot really named with the ligature: no identifier can reach it

    def __init__(self):
        self.ﬁle = 1  # expect: SLT001
        self.file = 2  # expect: SLT001


class ﬁx:  # the class is named `fix`: mangled names start with '_fix'
    __slots__ = ('__a', '_ﬁx__b', '_fix__c')

    def __init__(self):
        self.__a = 1  # _fix__a, mangled from the slot '__a' the same way
        self.__c = 3  # _fix__c
        self.__b = 2  # expect: SLT001


Doc()
Ligature()
ﬁx()
