# requires-python: 3.10
# A ClassVar of a slotted dataclass stays a class variable; fields (even with defaults) are slots.
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(slots=True)
class Point:
    x: int = 0
    tags: list = field(default_factory=list)
    unit: ClassVar[str] = 'm'

    def scale(self):
        self.x = 2
        self.tags = []
        self.unit = 'cm'  # expect: SLT009


@dataclass
class NoSlots:
    x: int = 0
    unit: ClassVar[str] = 'm'

    def scale(self):
        self.unit = 'cm'


# Fields inherited from a dataclass base are slots of the slotted dataclass too (dataclasses
# collects the fields of the whole MRO): the base's default is a class variable of the base, but
# the subclass's own slot shadows it. Only those a base already has as slots are left out.
@dataclass
class SlottedBase:
    __slots__ = ('a',)
    c: int = 0
    unit: ClassVar[str] = 'm'


@dataclass(slots=True)
class Derived(SlottedBase):
    a: int = 0  # expect: SLT002[py310]

    def __init__(self):
        self.a = 1
        self.c = 2
        self.unit = 'cm'  # expect: SLT009


Point().scale()
NoSlots().scale()
derived = Derived()
derived.c = 3
