# selftest: pass
# The body of __setattr__ is left as written, so what it raises lands on the caller's statement;
# an expectation on a line inside it is met by an exception raised from that very line.
class Base:
    __slots__ = ('a',)


class C(Base):
    __slots__ = ()

    def __setattr__(self, name, value):
        object.__setattr__(self, 'b', value)  # expect: SLT001


C().a = 1
