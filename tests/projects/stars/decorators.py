# requires-python: 3.10
# Decorators and metaclasses re-exported by a module of the project resolve like the direct
# imports of the standard library.
from zoo import compat
from zoo.compat import ABCMeta, dataclass, total_ordering


@dataclass(slots=True)
class Point:
    x: int = 0

    def move(self):
        self.x = 1
        self.z = 2  # expect: SLT001


@compat.dataclass(slots=True)
class Size:
    w: int = 0

    def grow(self):
        self.w = 1
        self.h = 2  # expect: SLT001


@compat.dataclass
class Loose:
    w: int = 0

    def grow(self):
        self.h = 2


@total_ordering
class Ordered:
    __slots__ = ("k",)

    def __lt__(self, other):
        return self.k < other.k

    def set(self):
        self.k = 1
        self.j = 2  # expect: SLT001


class Registry(metaclass=compat.ABCMeta):
    __slots__ = ("items",)

    def add(self):
        self.items = []
        self.count = 0  # expect: SLT001


class Meta(ABCMeta):
    __slots__ = ("registry",)  # expect: SLT003


Point().move()
Size().grow()
Loose().grow()
Ordered().set()
Registry().add()
