"""Nothing to report: every attribute has its slot, or the class keeps a __dict__."""
from dataclasses import dataclass


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Flexible(Point):
    # No __slots__ here: instances get a __dict__ again, so any attribute is fine.
    def tag(self, label):
        self.label = label


@dataclass
class Config:
    name: str
    verbose: bool = False
