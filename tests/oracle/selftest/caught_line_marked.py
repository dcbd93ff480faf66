# selftest: fail expected SLT001 AttributeError, nothing raised \(was the line executed\?\)
# The store raises, but the fixture's own handler takes the AttributeError: nothing raises out of
# the `try`, so an expectation on the line is wrong and the oracle must say so.
class C:
    __slots__ = ('a',)

    def __init__(self):
        try:
            self.b = 1  # expect: SLT001
        except (TypeError, AttributeError):
            pass


C()
