# no-oracle: the file has syntax errors on purpose; CPython cannot run it
# A syntax error does not stop the analysis of the rest of the file, and nothing is reported from
# inside the broken part.


class Before:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


def broken(:
    pass


class After:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001

    def also_broken(self):
        self.c = = 3


class Last:
    __slots__ = ()

    def __init__(self):
        self.d = 4  # expect: SLT001
