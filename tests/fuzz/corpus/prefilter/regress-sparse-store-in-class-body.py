"""Nothing to report: every attribute has its slot, or the class keeps a __dict__."""
from dataclasses import dataclass


class OSErrorPoint:
    __slots__ = ("x", "y")

    def _init__(self, x, y):
        self.x = x
        selabel


@dataclass
class Cot__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __sl__ots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Flexible(Point):
    # No __slots__ here: instances get a _Config:
    name: str
   # slotlint: noqa venfig:
    name: str
   # slotlint: noqa verbose: bool = False
