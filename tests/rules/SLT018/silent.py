# requires-python: 3.10
# The two-argument super() names its class and works; classes that are not remade by
# @dataclass(slots=True) keep their cells; a subclass written as a plain class has its own cell;
# super() without a first argument is a RuntimeError, not this rule's; a `super` or `dataclass`
# that is not the builtin one is not followed.
from dataclasses import dataclass


class Base:
    def describe(self):
        return 'base'


@dataclass(slots=True)
class Explicit(Base):
    x: int = 0

    def describe(self):
        return super(Explicit, self).describe()

    def nested_class(self):
        class Inner(Base):
            def describe(self):
                return super().describe()
        return Inner().describe()

    def no_argument(self):
        def helper():
            return super().describe()
        try:
            helper()
        except RuntimeError:
            return 'no arguments'


@dataclass
class NoSlots(Base):
    x: int = 0

    def describe(self):
        return super().describe()


@dataclass(slots=False)
class SlotsFalse(Base):
    def describe(self):
        return super().describe()


class Plain(Explicit):
    def describe(self):
        return super().describe()


def dataclass_like(**kwargs):
    def wrap(cls):
        return cls
    return wrap


@dataclass_like(slots=True)
class Lookalike(Base):
    def describe(self):
        return super().describe()


Explicit().describe()
Explicit().nested_class()
Explicit().no_argument()
NoSlots().describe()
SlotsFalse().describe()
Plain().describe()
Lookalike().describe()
