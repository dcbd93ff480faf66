# selftest: pass
# The fixture's own try/except keeps its meaning: the handler still runs (so `Fallback` exists
# below). An AttributeError the fixture catches itself does not raise out of its `try` (the line
# stays unmarked); one its handlers do not take, or take and raise again, is recorded for its line.
try:
    from _slotlint_no_such_module import Fallback
except ImportError:
    class Fallback:
        pass


class C:
    __slots__ = ('a',)

    def __init__(self):
        try:
            self.b = 1
        except AttributeError:
            self.a = 0
        try:
            self.c = 1  # expect: SLT001
        except KeyError:
            pass

    def again(self):
        try:
            self.d = 1  # expect: SLT001
        except AttributeError:
            raise


class D(Fallback):
    __slots__ = ()


C()
C().again()
D().anything = 1
