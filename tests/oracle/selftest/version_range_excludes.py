# selftest: fail :8: unexpected AttributeError
# The expectation is limited to a version range that excludes every installed interpreter (3.8 ... 3.13).
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001[py314-]


C()
