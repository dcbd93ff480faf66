# Silent: empty __slots__ on a metaclass, nonempty __slots__ on a class that merely *uses* a
# metaclass, on ordinary classes, and on a base the analyzer cannot resolve.
import abc
import enum


class EmptyTuple(type):
    __slots__ = ()


class EmptyList(abc.ABCMeta):
    __slots__ = []


class EmptyEnumMeta(enum.EnumMeta):
    __slots__ = ()


class UsesMeta(metaclass=abc.ABCMeta):
    __slots__ = ('x',)


class UsesUserMeta(metaclass=EmptyTuple):
    __slots__ = ('x',)


class Ordinary:
    __slots__ = ('type',)


class TypeLookalike:
    __slots__ = ()


class NotAMetaclass(TypeLookalike):
    __slots__ = ('x',)


def make_base():
    return object


class Unknown(make_base()):
    __slots__ = ('x',)


class AbstractBase(abc.ABC):
    __slots__ = ('x',)  # abc.ABC is a class whose metaclass is ABCMeta, not a metaclass


UsesMeta()
UsesUserMeta()
Ordinary()
NotAMetaclass()
Unknown()
AbstractBase()
