# selftest: pass
# The fixture's own try/except keeps its meaning: the handler still runs (so `Fallback` exists
# below), and a slots error the fixture catches itself is still recorded for its line.
try:
    from _slotlint_no_such_module import Fallback
except ImportError:
    class Fallback:
        pass


class C:
    __slots__ = ('a',)

    def __init__(self):
        try:
            self.b = 1  # expect: SLT001
        except AttributeError:
            self.a = 0


class D(Fallback):
    __slots__ = ()


C()
D().anything = 1
