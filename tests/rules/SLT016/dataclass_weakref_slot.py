# requires-python: 3.11
# weakref_slot=True (3.11+) adds '__weakref__' to the slots @dataclass(slots=True) makes.
import weakref
from dataclasses import dataclass


@dataclass(slots=True, weakref_slot=True)
class Tracked:
    x: int = 0

    def handle(self):
        return weakref.ref(self)


@dataclass(slots=True, weakref_slot=False)
class Untracked:
    x: int = 0


def cases():
    tracked = Tracked()
    weakref.ref(tracked)
    untracked = Untracked()
    weakref.ref(untracked)  # expect: SLT016


Tracked().handle()
cases()
