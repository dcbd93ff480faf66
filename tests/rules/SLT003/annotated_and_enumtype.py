# requires-python: 3.11
# `EnumType` is the 3.11 name of EnumMeta; an annotated __slots__ is still __slots__.
import enum
from enum import EnumType


class FromEnumType(EnumType):
    __slots__ = ('x',)  # expect: SLT003


class FromQualified(enum.EnumType):
    __slots__ = ('x',)  # expect: SLT003


class Annotated(type):
    __slots__: tuple = ('x',)  # expect: SLT003


class AnnotatedEmpty(type):
    __slots__: tuple = ()
