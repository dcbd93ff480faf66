# The metaclass chain: a class is a metaclass however it derives from type — through abc.ABCMeta,
# enum.EnumMeta, or metaclasses of this file, several levels deep. An unknown decorator does not
# matter (the class statement fails before it is applied); a metaclass of the metaclass that
# slotlint can see through does not either.
import abc
import enum


class AbstractBase(abc.ABCMeta):
    __slots__ = ()


class Middle(AbstractBase):
    pass


class Leaf(Middle):
    __slots__ = ('registry',)  # expect: SLT003


class EnumChild(enum.EnumMeta):
    pass


class EnumLeaf(EnumChild):
    __slots__ = ('members',)  # expect: SLT003


def register(cls):
    return cls


@register
class Decorated(type):
    __slots__ = ('name',)  # expect: SLT003


class MetaMeta(type):
    pass


class WithOwnMetaclass(type, metaclass=MetaMeta):
    __slots__ = ('extra',)  # expect: SLT003


class Level1(type):
    pass


class Level2(Level1):
    pass


class Level3(Level2):
    __slots__ = ['deep']  # expect: SLT003


class Level3Empty(Level2):
    __slots__ = ()


class UsesLevel3(metaclass=Level3Empty):
    __slots__ = ('x',)


UsesLevel3().x = 1
