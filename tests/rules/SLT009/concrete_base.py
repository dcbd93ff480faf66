# A class with slots of its own is not excused by a subclass with a __dict__ (as SLT001 reads
# it): the subclass's instances store the name, the class's own instances still raise. A subclass
# that declares the name as a slot does excuse it; so does any that can store it when the class
# declares no slots of its own (a mixin).


class Concrete:
    __slots__ = ('name',)
    retries = 3

    def reset(self):
        self.retries = 0  # expect: SLT009


class Loose(Concrete):
    pass


class Pair:
    __slots__ = ('a',)
    mode = 'r'

    def __init__(self):
        self.mode, self.a = 'w', 1  # expect: SLT009


class LoosePair(Pair):
    pass


class Provided:
    __slots__ = ('name',)
    level = 0

    def set_level(self):
        self.level = 1  # a Leveled instance stores it in its slot


class Leveled(Provided):
    __slots__ = ('level',)


class Mixin:
    __slots__ = ()
    flag = False

    def mark(self):
        self.flag = True  # an Impl instance stores it in its __dict__


class Impl(Mixin):
    pass


Loose().reset()
LoosePair()
Leveled().set_level()
Impl().mark()
Concrete().reset()
Pair()
