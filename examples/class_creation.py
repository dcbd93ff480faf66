"""Errors CPython raises when the class statement runs (SLT004-SLT008), and literal slips (SLT011, SLT013)."""


class Settings:
    __slots__ = ("debug", "level")
    level = 1  # SLT004: ValueError: 'level' in __slots__ conflicts with class variable


class Record:
    __slots__ = ("id", 42)  # SLT005: TypeError: __slots__ items must be strings, not 'int'


class Failure(Exception):
    __slots__ = ("__dict__",)  # SLT006: TypeError: __dict__ slot disallowed: we already got one


class Port(int):
    __slots__ = ("label",)  # SLT007: TypeError: nonempty __slots__ not supported for subtype of 'int'


class Both(int, str):  # SLT008: TypeError: multiple bases have instance lay-out conflict
    pass


class Pair:
    __slots__ = ("left", "right", "left")  # SLT011: 'left' twice


class Name:
    __slots__ = ("value")  # SLT013: one slot called 'value', not a tuple
