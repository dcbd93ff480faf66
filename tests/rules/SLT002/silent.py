# Silent: a base whose slots are unknown (dynamic __slots__, an unresolvable base), a base without
# __slots__, the first declaration of a name, the same name in a sibling class.
import json


def make_slots():
    return ('b', 'c')


class Dynamic:
    __slots__ = make_slots()


class BelowDynamic(Dynamic):
    __slots__ = ('a',)  # Dynamic's slots are not known statically (and do not hold 'a')


class FromUnknown(json.JSONEncoder):
    __slots__ = ('indent_level',)


class Plain:
    a = None


class BelowPlain(Plain):
    __slots__ = ('b',)


class Sibling1:
    __slots__ = ('s',)


class Sibling2:
    __slots__ = ('s',)


class ClassVarAbove:
    __slots__ = ()
    limit = 3


class SlotBelowClassVar(ClassVarAbove):
    __slots__ = ('limit',)  # a class variable of a base is not a slot


BelowDynamic()
FromUnknown()
BelowPlain()
Sibling1()
Sibling2()
SlotBelowClassVar()
