# The __slots__ entries are checked against the class namespace before the MRO is computed: a
# conflict with a class variable is the ValueError even when the bases have no consistent MRO.


class Parent:
    pass


class Child(Parent):
    pass


class Conflicting(Parent, Child):
    __slots__ = ('a',)  # expect: SLT004
    a = 1


class NoConflict(Parent, Child):  # the MRO's TypeError only
    __slots__ = ('a',)
    b = 1
