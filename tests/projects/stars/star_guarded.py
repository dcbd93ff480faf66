# Star imports that may not run: one under TYPE_CHECKING never does (Animal stays the slotted
# one); one under `if` may or may not replace an earlier binding (unknown: silent; here it does
# not run, and Exported keeps its __dict__); a ring of star imports still brings RingBase.
from typing import TYPE_CHECKING

from zoo.animals import Animal
from zoo.ring_b import *

if TYPE_CHECKING:
    from zoo.loose import *


class Exported:
    pass


if False:
    from zoo.listed import *


class Pet(Animal):
    __slots__ = ()

    def f(self):
        self.x = 1  # expect: SLT001


class Free(Exported):
    __slots__ = ()

    def f(self):
        self.x = 1


class Ring(RingBase):
    __slots__ = ()

    def f(self):
        self.r = 1
        self.s = 2  # expect: SLT001


Pet().f()
Free().f()
Ring().f()
