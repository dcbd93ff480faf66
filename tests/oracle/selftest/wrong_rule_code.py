# selftest: fail :8: expected SLT003 TypeError, got AttributeError: 'C' object has no attribute 'b'
# The line raises, but not what the marked rule predicts.
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT003


C()
