# requires-python: 3.10
# @dataclass(slots=True) makes a new class whose __slots__ are the fields: on a variable-size base
# (int, bytes, tuple and their subclasses, named tuples) the decorator raises
# "TypeError: nonempty __slots__ not supported for subtype of ..." (3.15 accepts slots under tuple).
from dataclasses import InitVar, dataclass
from typing import ClassVar, NamedTuple


class Raw(bytes):
    pass


class Point(NamedTuple):
    x: int = 0


@dataclass(slots=True)  # expect: SLT007
class Packet(Raw):
    size: int = 0


@dataclass(slots=True)  # expect: SLT007
class Flags(int):
    mask: int = 0


@dataclass(slots=True)  # expect: SLT007[-py314]
class Pair(tuple):
    left: int = 0


@dataclass(slots=True)  # expect: SLT007[-py314]
class Labelled(Point):
    label: str = ""


# Silent: no field becomes a slot.
@dataclass(slots=True)
class Constants(bytes):
    limit: ClassVar[int] = 3
    scale: InitVar[int] = 1


# Silent: str and float lay their items out inline too, but take slots.
@dataclass(slots=True)
class Name(str):
    kind: int = 0


@dataclass(slots=True)
class Measure(float):
    unit: str = "m"


# Silent: without slots=True the dataclass keeps the class as it is.
@dataclass
class Loose(bytes):
    size: int = 0


Constants()
Name("a")
Measure(1.0)
Loose()
