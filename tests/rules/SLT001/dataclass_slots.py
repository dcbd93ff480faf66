# requires-python: 3.10
# @dataclass(slots=True) gives the class slots named after its fields; @dataclass alone leaves the
# class as written (with a __dict__).
import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(slots=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    unit: ClassVar[str] = 'm'  # a ClassVar is not a field: no slot

    def move(self, dx):
        self.x += dx
        self.tags = []
        self.z = 0  # expect: SLT001

    def __post_init__(self):
        self.y = self.y or 1
        self.norm = 0  # expect: SLT001


@dataclasses.dataclass(slots=True)
class Qualified:
    a: int

    def set(self):
        self.a = 2
        self.b = 3  # expect: SLT001


@dataclass
class NoSlots:
    a: int

    def set(self):
        self.b = 3


@dataclass(slots=False)
class SlotsFalse:
    a: int

    def set(self):
        self.b = 3


class SlottedBase:
    __slots__ = ('base',)


@dataclass(slots=True)
class OnSlottedBase(SlottedBase):
    own: int

    def set(self):
        self.base = 1
        self.own = 2
        self.neither = 3  # expect: SLT001


p = Point(1)
p.move(1)
p.x = 5
p.w = 1  # expect: SLT001
Qualified(1).set()
NoSlots(1).set()
SlotsFalse(1).set()
OnSlottedBase(1).set()
