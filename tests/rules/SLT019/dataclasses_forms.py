# A plain @dataclass with an explicit __slots__ assigns every field in its __init__: a field
# missing from __slots__ is this rule's finding. dataclass(slots=True) makes the slots itself.
from dataclasses import InitVar, dataclass, field


@dataclass
class Explicit:
    __slots__ = ('x', 'y')
    x: int
    y: int


@dataclass
class Forgot:
    __slots__ = ('x',)
    x: int
    y: int  # expect: SLT019
    scale: InitVar[int] = 1


Explicit(1, 2)
Forgot  # creating the class works; Forgot(1, 2) would raise AttributeError in __init__
