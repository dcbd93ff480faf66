# selftest: pass
# A `raise` of the fixture leaves the blocks around it, as it would unwrapped: the store after the
# guard never runs, so its unmarked line is fine; the call that raised records the TypeError.
class C:
    __slots__ = ('a',)

    def set(self):
        if not hasattr(self, '__dict__'):
            raise TypeError('no __dict__')
        self.b = 1


C().set()
