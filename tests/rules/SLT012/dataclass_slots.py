# requires-python: 3.10
# select: SLT012
# dataclass(slots=True) on a __dict__ base: the finding is at the decorator.
from dataclasses import dataclass


class Plain:
    pass


@dataclass(slots=True)  # expect: SLT012
class Point(Plain):
    x: int


@dataclass(slots=True)
class Clean:
    x: int


@dataclass
class Loose(Plain):
    x: int


Point(1)
Clean(1)
Loose(1)
