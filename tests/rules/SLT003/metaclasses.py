# A metaclass (a subclass of `type`, however indirect) cannot have nonempty __slots__: type's
# instances are variable-size. CPython names the metaclass's base in the message ('type',
# 'ABCMeta', 'EnumMeta'/'EnumType', a user metaclass). Even a '__dict__' or '__weakref__' slot
# counts as nonempty here.
import abc
import abc as abc_alias
import enum
from abc import ABCMeta
from abc import ABCMeta as RenamedMeta
from enum import EnumMeta


class M(type):
    __slots__ = ('foo',)  # expect: SLT003


class Abstract(abc.ABCMeta):
    __slots__ = ('registry',)  # expect: SLT003


class AbstractImported(ABCMeta):
    __slots__ = ['registry']  # expect: SLT003


class AbstractAliased(abc_alias.ABCMeta):
    __slots__ = ('registry',)  # expect: SLT003


class AbstractRenamed(RenamedMeta):
    __slots__ = ('registry',)  # expect: SLT003


class Enumerated(enum.EnumMeta):
    __slots__ = ('members',)  # expect: SLT003


class EnumeratedImported(EnumMeta):
    __slots__ = {'members': 'doc'}  # expect: SLT003


class UserMeta(type):
    pass


class Derived(UserMeta):
    __slots__ = ('extra',)  # expect: SLT003


class EmptyMeta(type):
    __slots__ = ()


class BelowEmpty(EmptyMeta):
    __slots__ = ('extra',)  # expect: SLT003


class Mixin:
    __slots__ = ()


class WithMixin(type, Mixin):
    __slots__ = ('extra',)  # expect: SLT003


class DictSlot(type):
    __slots__ = ('__dict__',)  # expect: SLT003


class WeakrefSlot(type):
    __slots__ = ('__weakref__',)  # expect: SLT003


class Multiline(type):
    __slots__ = (  # expect: SLT003
        'a',
        'b',
    )
