# A plain @dataclass with an explicit __slots__: a field with a default that __slots__ lacks is a
# class attribute, which makes the instance attribute read-only, and the generated __init__
# assigns it: every instantiation raises AttributeError ("... object attribute 'y' is read-only").
# (With the name in __slots__ it is SLT004 instead: the default conflicts with the slot.)
# The reported classes are not instantiated here: the oracle would see that error on the call.
import dataclasses
from dataclasses import InitVar, dataclass, field
from typing import ClassVar


@dataclass
class Point:
    __slots__ = ('x',)
    x: int
    y: int = 0  # expect: SLT019


@dataclasses.dataclass(eq=False)
class Options:
    __slots__ = ('name',)
    name: str
    verbose: bool = False  # expect: SLT019
    level: int = 1  # expect: SLT019


# Silent: no generated __init__ assigns the field.
@dataclass(init=False)
class NoInit:
    __slots__ = ('x',)
    x: int
    y: int = 0


@dataclass
class OwnInit:
    __slots__ = ('x',)
    x: int
    y: int = 0

    def __init__(self, x):
        self.x = x


# Silent: not an instance field, or a value that is not a plain default.
@dataclass
class NotFields:
    __slots__ = ('x',)
    x: int
    limit: ClassVar[int] = 10
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        pass


@dataclass
class FieldCall:
    __slots__ = ('x',)
    x: int
    tags: int = field(default=0, init=False)


# Silent: the instances have a __dict__, or the fields are slots.
@dataclass
class WithDict:
    __slots__ = ('x', '__dict__')
    x: int
    y: int = 0


@dataclass(slots=True)
class Generated:
    x: int
    y: int = 0


# Silent: a plain class (not a dataclass): `y: int = 0` is a class constant.
class Plain:
    __slots__ = ('x',)
    x: int
    y: int = 0


NoInit()
OwnInit(1)
NotFields(1)
FieldCall(1)
WithDict(1)
Generated(1)
Plain()
