# selftest: fail bad expectation 'SLT1'
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.b = 2  # expect: SLT1


C()
