# requires-python: 3.10
# dataclass(slots=True): the fields are the slots.
from dataclasses import KW_ONLY, dataclass


@dataclass(slots=True)
class Point:
    x: int
    _: KW_ONLY
    y: int = 0


Point(1, y=2)
