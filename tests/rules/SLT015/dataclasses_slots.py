# select: SLT015
# A @dataclass(slots=True) subclass makes its own slots; a plain @dataclass subclass of a slotted
# one does not (from 3.10 the base has the dataclass flavour; before, slots=True is an error of
# its own that the oracle does not run into: see the requires line).
# requires-python: 3.10
from dataclasses import dataclass


@dataclass(slots=True)
class Base:
    x: int


class Root:
    __slots__ = ('r',)


@dataclass(slots=True)
class Slotted(Root):
    y: int


@dataclass
class Loose(Base):  # expect: SLT015
    y: int


class Plain(Base):  # expect: SLT015
    pass


Slotted(2)
Loose(1, 2)
Plain(1)
