# Every literal form of __slots__: tuple, list, set, dict keys, `+` and `+=` of literals, a
# module-level constant referenced by name, `Base.__slots__ + (...)`. `__slots__ = ()` still
# forbids every instance attribute.
FIELDS = ('a', 'b')


class EmptyTuple:
    __slots__ = ()

    def __init__(self):
        self.a = 1  # expect: SLT001


class EmptyList:
    __slots__ = []

    def __init__(self):
        self.a = 1  # expect: SLT001


class AsList:
    __slots__ = ['a', 'b']

    def __init__(self):
        self.a = 1
        self.c = 3  # expect: SLT001


class AsSet:
    __slots__ = {'a', 'b'}

    def __init__(self):
        self.b = 2
        self.c = 3  # expect: SLT001


class AsDict:
    __slots__ = {'a': 'the first', 'b': 'the second'}

    def __init__(self):
        self.a = 1
        self.c = 3  # expect: SLT001


class Multiline:
    __slots__ = (
        'a',
        'b',
    )

    def __init__(self):
        self.b = 2
        self.c = 3  # expect: SLT001


class Concatenated:
    __slots__ = ('a',) + ('b',)

    def __init__(self):
        self.b = 2
        self.c = 3  # expect: SLT001


class Augmented:
    __slots__ = ('a',)
    __slots__ += ('b',)

    def __init__(self):
        self.b = 2  # added by +=
        self.c = 3  # expect: SLT001


class FromConstant:
    __slots__ = FIELDS

    def __init__(self):
        self.a = 1
        self.c = 3  # expect: SLT001


class Extended:  # not a subclass: FromConstant's names are copied, not inherited
    __slots__ = FromConstant.__slots__ + ('d',)

    def __init__(self):
        self.a = 1
        self.d = 4
        self.e = 5  # expect: SLT001


class Reassigned:
    __slots__ = ('a',)
    __slots__ = ('b',)  # the last binding is the one type() sees

    def __init__(self):
        self.b = 2
        self.a = 1  # expect: SLT001


EmptyTuple()
EmptyList()
AsList()
AsSet()
AsDict()
Multiline()
Concatenated()
Augmented()
FromConstant()
Extended()
Reassigned()
