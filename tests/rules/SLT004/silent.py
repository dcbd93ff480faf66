# Silent: names bound only conditionally, deleted before the class ends, only annotated, or never
# in the namespace; '__dict__'/'__weakref__'/'__qualname__', which type() handles itself; a base
# or metaclass slotlint cannot see; and a class variable in a subclass (it shadows the slot).
import sys
import typing
from typing import ClassVar


class Deleted:
    __slots__ = ('d',)
    d = 1
    del d


class OnlyAnnotated:
    __slots__ = ('a',)
    a: int


class ClassVarAnnotated:
    __slots__ = ('c',)
    c: ClassVar[int]


class Conditional:
    __slots__ = ('flag',)
    if sys.version_info < (3, 0):
        flag = True


class InLoop:
    __slots__ = ('item',)
    for item in ():
        pass


class InTry:
    __slots__ = ('maybe',)
    try:
        import _slotlint_no_such_module as maybe
    except ImportError:
        pass


class TypeCheckingOnly:
    __slots__ = ('hint',)
    if typing.TYPE_CHECKING:
        hint = None


class DictAndWeakref:
    __slots__ = ('__dict__', '__weakref__')
    __dict__ = None
    __weakref__ = None


class Qualname:
    __slots__ = ('__qualname__',)
    __qualname__ = 'Renamed'


class NoDocstring:
    __slots__ = ('__doc__',)


class NotADocstring:
    f'{NoDocstring.__name__}'
    __slots__ = ('__doc__',)


class Base:
    __slots__ = ('x',)


class Shadowing(Base):
    x = 0  # a class variable below a slot: legal (it hides the base's descriptor)


class Plain:
    y = 1


class SlotBelowVariable(Plain):
    __slots__ = ('y',)


def make_base():
    class Meta(type):
        # A metaclass may rewrite the namespace before type() sees it.
        def __new__(mcls, name, bases, namespace):
            namespace.pop('z', None)
            return super().__new__(mcls, name, bases, namespace)
    return Meta('Base', (), {})


class UnknownBase(make_base()):
    __slots__ = ('z',)
    z = 1


class OtherClass:
    __slots__ = ('name',)


class Outer:
    __slots__ = ('name',)

    def method(self):
        name = 1  # a local of the method, not of the class
        return name


Deleted().d = 1
OnlyAnnotated().a = 1
ClassVarAnnotated().c = 1
Conditional().flag = False
InLoop().item = 1
InTry().maybe = 1
TypeCheckingOnly().hint = 1
Qualname()
NoDocstring().__doc__ = 'instance doc'
NotADocstring().__doc__ = 'instance doc'
Shadowing()
SlotBelowVariable().y = 2
Outer().method()
UnknownBase().z = 1
