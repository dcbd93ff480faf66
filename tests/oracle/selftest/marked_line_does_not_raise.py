# selftest: fail expected SLT001 AttributeError, nothing raised \(was the line executed\?\)
# 'a' is a slot: the assignment works, so the expectation is wrong and the oracle must say so.
class C:
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1  # expect: SLT001


C()
