# dataclass() has slots= from 3.10 on; before, the keyword itself is a TypeError (not a slots
# error), and there is nothing for this rule to say.
from dataclasses import dataclass


@dataclass(slots=True)
class Point:
    __slots__ = ('x',)  # expect: SLT014[py310-]
    x: int


@dataclass(slots=True)
class Fine:
    x: int
