# select: SLT015
# A subclass of a fully slotted class without __slots__ of its own gets a __dict__ again.
import abc
from typing import Generic, TypeVar

T = TypeVar('T')


class Point:
    __slots__ = ('x', 'y')


class Point3D(Point):  # expect: SLT015
    def __init__(self):
        self.z = 0  # works: the __dict__ takes it


class Marker(Point):  # expect: SLT015
    pass


class Empty:
    __slots__ = ()


class FromEmpty(Empty):  # expect: SLT015
    pass


class Slotted3D(Point):
    __slots__ = ('z',)


class Again(Slotted3D):  # expect: SLT015
    pass


class Abstract(abc.ABC):
    __slots__ = ('a',)


class Concrete(Abstract):  # expect: SLT015
    pass


class Box(Generic[T]):
    __slots__ = ('item',)


class IntBox(Box[int]):  # expect: SLT015
    pass


class Two(Point, Empty):  # expect: SLT015
    pass


Point3D().z
Marker()
FromEmpty()
Again()
Concrete()
IntBox()
Two()
