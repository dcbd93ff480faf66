# Silent: each of '__dict__' and '__weakref__' once, on a layout that lacks it. Exception has a
# __dict__ but no __weakref__. CPython only looks at the base it lays the class out on: with an
# empty-slots mixin first, a later base's __dict__ does not count.
import weakref


class Both:
    __slots__ = ('__dict__', '__weakref__')


class Error(Exception):
    __slots__ = ('__weakref__',)


class WithWeakref:
    __slots__ = ('__weakref__',)


class AddDict(WithWeakref):
    __slots__ = ('__dict__',)


class WithDict:
    __slots__ = ('__dict__',)


class AddWeakref(WithDict):
    __slots__ = ('__weakref__',)


class Mixin:
    __slots__ = ()


class Plain:
    pass


class MixinFirst(Mixin, Plain):
    __slots__ = ('__dict__',)


class Slotted:
    __slots__ = ('x',)


class SlottedFirst(Slotted, Plain):
    __slots__ = ('__dict__', '__weakref__')


class SetOfOne:
    __slots__ = {'__dict__', '__dict__'}  # a set: one '__dict__'


class DictOfOne:
    __slots__ = {'__weakref__': 'doc', '__weakref__': 'again'}


def make_base():
    return object


class UnknownBase(make_base()):
    __slots__ = ('__dict__',)


Both().x = 1
weakref.ref(Error())
AddDict().y = 1
weakref.ref(AddWeakref())
MixinFirst().z = 1
SlottedFirst().z = 1
UnknownBase().w = 1
SetOfOne().s = 1
weakref.ref(DictOfOne())
