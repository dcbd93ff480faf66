# A class statement evaluates its bases where it stands: a star import further down rebinds
# Animal (to a class with a __dict__) too late for Pet, whose instances stay slotted.
from zoo.animals import Animal


class Pet(Animal):
    __slots__ = ()

    def f(self):
        self.x = 1  # expect: SLT001


from zoo.loose import *  # noqa: E402,F401

Pet().f()
