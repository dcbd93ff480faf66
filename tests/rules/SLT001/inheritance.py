# Allowed names follow the MRO: slots of every base count; a base without __slots__ (or with a
# '__dict__' slot) gives every instance a __dict__, so anything goes; a '__weakref__' slot does not.


class Root:
    __slots__ = ('a',)


class Middle(Root):
    __slots__ = ('b',)


class Leaf(Middle):
    __slots__ = ('c',)

    def __init__(self):
        self.a = 1  # from Root
        self.b = 2  # from Middle
        self.c = 3
        self.d = 4  # expect: SLT001


class Empty(Leaf):
    __slots__ = ()

    def __init__(self):
        super().__init__()
        self.a = 5
        self.e = 6  # expect: SLT001


class NoSlots(Leaf):
    # no __slots__: instances get a __dict__ again

    def __init__(self):
        super().__init__()
        self.anything = 1


class SlottedBelowNoSlots(NoSlots):
    __slots__ = ('f',)

    def __init__(self):
        super().__init__()
        self.anything_else = 1  # NoSlots brought a __dict__


class DictBase:
    pass


class OnDictBase(DictBase):
    __slots__ = ('g',)

    def __init__(self):
        self.g = 1
        self.free = 2  # DictBase instances have a __dict__


class WithDictSlot:
    __slots__ = ('h', '__dict__')

    def __init__(self):
        self.h = 1
        self.free = 2


class BelowDictSlot(WithDictSlot):
    __slots__ = ('i',)

    def __init__(self):
        super().__init__()
        self.free = 3


class WithWeakref:
    __slots__ = ('j', '__weakref__')

    def __init__(self):
        self.j = 1
        self.k = 2  # expect: SLT001


class ExplicitObject(object):
    __slots__ = ('m',)

    def __init__(self):
        self.m = 1
        self.n = 2  # expect: SLT001


class Other:
    __slots__ = ()


class Multiple(Root, Other):
    __slots__ = ('o',)

    def __init__(self):
        self.a = 1
        self.o = 2
        self.p = 3  # expect: SLT001


class MultipleWithDict(Root, DictBase):
    __slots__ = ('q',)

    def __init__(self):
        self.a = 1
        self.whatever = 2


class Shadowing(Root):
    __slots__ = ()

    @property
    def a(self):  # a property without setter shadows Root's slot 'a'; not assigned here
        return 0

    def __init__(self):
        self.zz = 1  # expect: SLT001


Leaf()
Empty()
NoSlots()
SlottedBelowNoSlots()
OnDictBase()
WithDictSlot()
BelowDictSlot()
WithWeakref()
ExplicitObject()
Multiple()
MultipleWithDict()
Shadowing()
