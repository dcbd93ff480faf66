import typing as t
from dataclasses import dataclass
@dataclass(slots=True)
class D:
    x: int
    def f(self):
        return super().f()
class P(t.NamedTuple):
    x: int
class S:
    __slots__ = ("a",)
    def __init__(self):
        self.b = 1
        vars(self)
