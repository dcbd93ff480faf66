# type() checks the instance layout of the bases before it computes the MRO: bases that conflict
# in both ways raise the layout's TypeError, not the MRO's.


class Parent:
    pass


class Child(Parent):
    pass


class StrObjectFloat(str, object, float):  # expect: SLT008
    pass


class IntParentChild(int, Parent, Child, bytes):  # expect: SLT008
    __slots__ = ()


# Only the MRO is inconsistent: "Cannot create a consistent method resolution order", not a slots
# error, and the class never exists, so nothing is said about what it would hold.
class OnlyMro(Parent, Child):
    __slots__ = ('a',)

    def set(self):
        self.b = 1
