# selftest: fail :8: expected SLT002, but no slot of class 'B' re-declares a slot of a base
# SLT002 is proven on the layout: B's 'y' is not a slot of A.
class A:
    __slots__ = ('x',)


class B(A):
    __slots__ = ('y',)  # expect: SLT002
