# selftest: fail :8: expected SLT001 AttributeError, nothing raised
# The marked line would raise, but nothing calls the method: a fixture must drive its own code.
class C:
    __slots__ = ('a',)

    def never_called(self):
        self.a = 1
        self.b = 2  # expect: SLT001


C()
