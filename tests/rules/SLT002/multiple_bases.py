# Multiple inheritance: every base in the MRO counts, across a diamond too.


class Root:
    __slots__ = ('r',)


class Left(Root):
    __slots__ = ()


class Right(Root):
    __slots__ = ()


class Diamond(Left, Right):
    __slots__ = ('r',)  # expect: SLT002


class Mixin:
    __slots__ = ()


class WithMixin(Root, Mixin):
    __slots__ = ('r',  # expect: SLT002
                 'm')


class NoDup(Left, Right):
    __slots__ = ('d',)


class SecondBase(Mixin, Root):
    __slots__ = ('r',)  # expect: SLT002


Diamond()
WithMixin()
NoDup()
SecondBase()
