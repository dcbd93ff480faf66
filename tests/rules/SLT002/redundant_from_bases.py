# A slot that a base class already declares is redundant: the subclass gets a second slot of the
# same name (one more pointer per instance) that shadows the base's descriptor.


class A:
    __slots__ = ('x', 'y')


class B(A):
    __slots__ = ('x', 't')  # expect: SLT002


class C(B):
    __slots__ = ('u',
                 'y',  # expect: SLT002
                 'v')


class D(C):
    __slots__ = ['t']  # expect: SLT002


class E(D):
    __slots__ = {'u': 'a docstring for u'}  # expect: SLT002


class F(A):
    __slots__ = ('a',)
    __slots__ += ('x',)  # expect: SLT002


class Fresh(A):
    __slots__ = ('z', 'w')  # new names only


class Unrelated:
    __slots__ = ('x', 'y')  # the same names in a class that does not inherit them


for cls in (B, C, D, E, F, Fresh, Unrelated):
    obj = cls()
    obj.x = 1
