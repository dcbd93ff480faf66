# requires-python: 3.10
# A module-level `super` shadows the builtin: its calls are not zero-argument super().
from dataclasses import dataclass


def super():
    return Helper()


class Helper:
    def describe(self):
        return 'helper'


@dataclass(slots=True)
class Point:
    x: int = 0

    def describe(self):
        return super().describe()


Point().describe()
