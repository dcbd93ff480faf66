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


Point().scale()
NoSlots().scale()
