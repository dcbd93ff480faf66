# requires-python: 3.10
# @dataclass(slots=True) makes a slot of each field. On 3.10 it re-declares fields that a base
# already has as slots (SLT002); from 3.11 it leaves them out.
from dataclasses import dataclass


class Base:
    __slots__ = ('a',)


@dataclass(slots=True)
class Child(Base):
    a: int  # expect: SLT002[-py310]
    b: int


@dataclass(slots=True)
class Other:
    a: int
    b: int


c = Child(1, 2)
assert ('a' in Child.__slots__) == (c.__class__.__basicsize__ > Other.__basicsize__)


@dataclass(slots=True)
class Fielded:
    x: int


class Below(Fielded):
    __slots__ = ('x',  # expect: SLT002
                 'y')


Below(1)


# On 3.10 the fields a slotted dataclass inherits from a dataclass base are in its __slots__ too:
# a base that already has them as slots makes them redundant (reported at the decorator).
@dataclass(slots=True)
class Parent:
    b: int = 0


@dataclass(slots=True)  # expect: SLT002[-py310]
class Heir(Parent):
    c: int = 1


@dataclass(slots=True)
class Overrides(Parent):
    b: int = 2  # expect: SLT002[-py310]


@dataclass
class PlainParent:
    d: int = 0


@dataclass(slots=True)
class FromPlain(PlainParent):  # PlainParent has no slots: nothing is redundant
    e: int = 1


Heir()
Overrides()
FromPlain()
