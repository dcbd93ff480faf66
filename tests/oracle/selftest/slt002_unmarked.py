# selftest: fail :7: class 'B' re-declares slot 'x' of base 'A': unexpected
# A redundant slot that no line of the class marks.
class A:
    __slots__ = ('x',)


class B(A):
    __slots__ = ('x',)
