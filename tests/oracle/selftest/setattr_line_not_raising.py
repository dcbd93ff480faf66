# selftest: fail expected SLT001 AttributeError, nothing raised
# The exception comes from the caller's own line, not from the marked line inside __setattr__:
# the expectation is not met (and the caller's exception is unexpected).
class C:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        if name == 'a':  # expect: SLT001
            object.__setattr__(self, name, value)


c = C()
c.a = 1
object.__setattr__(c, 'b', 2)
