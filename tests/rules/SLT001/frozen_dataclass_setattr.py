# requires-python: 3.10
# A frozen dataclass sets what its generated __init__ cannot with object.__setattr__ in
# __post_init__. With slots=True only the fields are slots: a derived attribute that is not a
# field raises (SLT001), a ClassVar is a plain class attribute (SLT009); without slots=True the
# instance has a __dict__.
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class Money:
    amount: int
    currency: str = 'EUR'
    rate: ClassVar[float] = 1.0

    def __post_init__(self):
        object.__setattr__(self, 'amount', int(self.amount))
        object.__setattr__(self, 'cents', self.amount * 100)  # expect: SLT001
        object.__setattr__(self, 'rate', 2.0)  # expect: SLT009


@dataclass(frozen=True, slots=True)
class Key:
    parts: tuple
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, '_hash', hash(self.parts))


@dataclass(frozen=True)
class Loose:
    a: int

    def __post_init__(self):
        object.__setattr__(self, 'b', self.a * 2)


Money(3)
Key((1, 2))
Loose(1)
