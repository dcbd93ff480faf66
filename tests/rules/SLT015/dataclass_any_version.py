# select: SLT015
# Before 3.10 the model does not give @dataclass(slots=True) classes their slots, but such a
# subclass is still no "subclass without __slots__" (on 3.8/3.9 the keyword is a TypeError of its
# own, not a slots error).
from dataclasses import dataclass


class Root:
    __slots__ = ('r',)


@dataclass(slots=True)
class Slotted(Root):
    y: int


class Plain(Root):  # expect: SLT015
    pass


Plain()
