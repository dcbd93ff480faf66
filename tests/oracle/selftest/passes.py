# selftest: pass
# A correct fixture: the self-test also checks that the oracle accepts it, so a broken harness
# that fails everything is caught too.
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001
        for self.c in range(2):  # expect: SLT001
            self.a += 1
        self.d += 1  # expect: SLT001


class M(type):
    __slots__ = ('x',)  # expect: SLT003


C()
