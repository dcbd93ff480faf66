# `del self.v` of a class variable or method is the same read-only error (SLT010 is for names
# bound nowhere).


class Cache:
    __slots__ = ('data',)
    default = None

    def reset(self):
        return 0

    def clear(self):
        self.data = 1
        del self.data
        del self.default  # expect: SLT009

    def unpatch(self):
        del self.reset  # expect: SLT009


class Sub(Cache):
    __slots__ = ()

    def clear_sub(self):
        del self.default  # expect: SLT009


c = Cache()
c.clear()
c.unpatch()
Sub().clear_sub()
s = Sub()
del s.reset  # expect: SLT009
