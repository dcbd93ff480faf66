# Nonempty __slots__ under a variable-size base is refused before the MRO is computed: the TypeError
# names the base even when the bases have no consistent MRO.


class Parent:
    pass


class Child(Parent):
    pass


class ObjectFirst(object, int):
    __slots__ = ('unit',)  # expect: SLT007


class ParentChildBytes(Parent, Child, bytes):
    __slots__ = ('tag',)  # expect: SLT007


class EmptyIsFine(object, int):  # an MRO error only: not a slots error
    __slots__ = ()
