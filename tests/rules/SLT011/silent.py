# Silent: distinct names (a private name mangled differently in each class), a name a base also
# declares (SLT002's business), '__dict__' twice (a TypeError: SLT006), and equal entries of a
# set or dict literal (the literal keeps one of them: nothing is declared twice).


class Distinct:
    __slots__ = ('a', 'b', 'c')


class Private:
    __slots__ = ('__x', 'x', '_x')


class Base:
    __slots__ = ('shared',)


class Derived(Base):
    __slots__ = ('own',)


class CaseMatters:
    __slots__ = ('value', 'Value')


class DictTwice:
    __slots__ = ('__dict__', '__dict__')  # expect: SLT006


class SetLiteral:
    __slots__ = {'s', 's'}


class DictKeys:
    __slots__ = {'k': 'first', 'v': 'value', 'k': 'again'}


class Dynamic:
    __slots__ = tuple(['a', 'a'])


Distinct().a = 1
Private().x = 1
Derived().own = 1
CaseMatters().Value = 1
Dynamic().a = 1
SetLiteral().s = 1
DictKeys().k = 1
