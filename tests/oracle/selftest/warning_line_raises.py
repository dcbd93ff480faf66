# selftest: fail :8: unexpected AttributeError: .*; SLT002 on line 8 predicts no exception
# A warning rule predicts no exception; this line raises one.
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT002


C()
