# Slot names are compared after mangling: `__x` in A is `_A__x` and `__x` in B is `_B__x`, two
# different slots. A base slot spelled '_B__x' is the same as `__x` declared in B.


class A:
    __slots__ = ('__x', '__y__')


class B(A):
    __slots__ = ('__x',)  # _B__x: not A's _A__x


class C(A):
    __slots__ = ('_A__x',)  # expect: SLT002


class D(A):
    __slots__ = ('__y__',)  # expect: SLT002


class Spelled:
    __slots__ = ('_Mangling__x',)


class Mangling(Spelled):
    __slots__ = ('__x',)  # expect: SLT002


for cls in (B, C, D, Mangling):
    cls()
