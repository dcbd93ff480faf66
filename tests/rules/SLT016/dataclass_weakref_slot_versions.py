# weakref_slot= is new in 3.11: before, dataclass() raises TypeError and the class never exists, so
# a 3.10 target reports nothing about it; from 3.11 only weakref_slot=False leaves no __weakref__.
import sys
import weakref
from dataclasses import dataclass

if sys.version_info >= (3, 11):
    @dataclass(slots=True, weakref_slot=False)
    class Untracked:
        x: int = 0

    untracked = Untracked()
    weakref.ref(untracked)  # expect: SLT016[py311-]
