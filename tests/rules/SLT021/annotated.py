# An annotated __slots__ is a field: its name starts with an underscore (ValueError), or, from 3.9,
# the fields without a default after it break the field order first (TypeError).
from typing import NamedTuple


class After(NamedTuple):
    x: int
    __slots__: tuple = ()  # expect: SLT021


class AnnotationOnly(NamedTuple):
    x: int
    __slots__: tuple  # expect: SLT021


class Before(NamedTuple):
    __slots__: tuple = ()  # expect: SLT021
    x: int


class BeforeDefaults(NamedTuple):
    __slots__: tuple = ()  # expect: SLT021
    x: int = 0


class NoDefaultAfterDefault(NamedTuple):
    x: int = 0
    __slots__: tuple  # expect: SLT021
