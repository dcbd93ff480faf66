# Before 3.10 dataclass() has no slots= (the class is not remade, nothing to report with a py39
# target); from 3.10 to 3.13 the guarded class raises.
import sys
from dataclasses import dataclass


class Base:
    def describe(self):
        return 'base'


if sys.version_info >= (3, 10):
    @dataclass(slots=True)
    class Point(Base):
        x: int = 0

        def describe(self):
            return super().describe()  # expect: SLT018[py310-py313]

    Point().describe()
