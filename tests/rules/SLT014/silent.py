# requires-python: 3.10
# No conflict, or another error first, or nothing the analysis can know.
from dataclasses import dataclass


@dataclass(slots=True)
class Fields:
    x: int
    y: int = 0


@dataclass
class ExplicitOnly:
    __slots__ = ('x',)
    x: int


@dataclass(slots=False)
class NotSlots:
    __slots__ = ('x',)
    x: int


@dataclass(slots=True)
class AnnotationOnly:
    __slots__: tuple  # an annotation without a value puts nothing in the class namespace
    x: int = 0


@dataclass(slots=True)
class Deleted:
    __slots__ = ('x',)
    del __slots__
    x: int


@dataclass(slots=True)
class Conditional:
    if len('x') == 2:
        __slots__ = ('x',)
    x: int


class Base:
    __slots__ = ()


@dataclass(slots=True)
class OnSlottedBase(Base):
    x: int


Fields(1)
ExplicitOnly(1)
NotSlots(1)
AnnotationOnly()
Deleted(1)
Conditional(1)
OnSlottedBase(1)
