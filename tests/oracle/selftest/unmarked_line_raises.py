# selftest: fail :8: unexpected AttributeError: 'C' object has no attribute 'b'
# An unmarked line raises a slots-related error: the fixture lacks an expectation.
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2


C()
