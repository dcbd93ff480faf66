# requires-python: 3.10
# A @dataclass(slots=True) gets __slots__ of its fields only: no __weakref__ (weakref_slot=True,
# from 3.11, adds one). A plain @dataclass keeps the class as written, with its __weakref__.
import dataclasses
import weakref
from dataclasses import dataclass


@dataclass(slots=True)
class Point:
    x: int = 0
    y: int = 0

    def track(self):
        return weakref.ref(self)  # expect: SLT016


@dataclasses.dataclass(slots=True, frozen=True)
class Frozen:
    name: str = ''


@dataclass
class Plain:
    x: int = 0


@dataclass(slots=False)
class NoSlots:
    x: int = 0


def cases():
    point = Point()
    weakref.ref(point)  # expect: SLT016
    frozen = Frozen()
    weakref.WeakSet([frozen])  # expect: SLT016
    plain = Plain()
    weakref.ref(plain)
    no_slots = NoSlots()
    weakref.ref(no_slots)


Point().track()
cases()
