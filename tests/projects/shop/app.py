import pkg.models as m
import pkg
from pkg import Base, Point, PkgMeta
from pkg.models import Plain
from pkg.typed import Typed
from ns.tools import Tool
from pkg.quiet import Quiet
from pkg.compat import ABC, NamedTuple


class Point3(m.Point):
    __slots__ = ("z", "x")  # expect: SLT002


class Both(Base, Point):  # expect: SLT008
    __slots__ = ()


class MetaSlots(PkgMeta):
    __slots__ = ("registry",)  # expect: SLT003


class WithDict(Plain):
    __slots__ = ("__dict__",)  # expect: SLT006


class FromPackage(pkg.Base):
    __slots__ = ()

    def rename(self):
        self.name = "ok"
        self.nick = "no"  # expect: SLT001


class TypedChild(Typed):
    __slots__ = ("b",)

    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3  # expect: SLT001


class Hammer(Tool):
    __slots__ = ("weight",)

    def __init__(self):
        self.t = 1
        self.weight = 2
        self.handle = 3  # expect: SLT001


class Loose(Plain):
    __slots__ = ("x",)

    def __init__(self):
        self.anything = 1


# The stub says nothing of the slots: whether Quiet's instances have a __dict__ is unknown.
class Roomy(Quiet):
    __slots__ = ("__dict__",)


class Shaped(ABC):
    __slots__ = ("area",)

    def grow(self):
        self.area = 1
        self.perimeter = 2  # expect: SLT001


class Pair(NamedTuple):
    left: int
    right: int = 0

    def mutate(self):
        self.extra = 1  # expect: SLT001


FromPackage().rename()
TypedChild()
Hammer()
Loose()
Shaped().grow()
Pair(1).mutate()
