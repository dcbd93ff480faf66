# __slots__ entries must be str: anything else is a TypeError naming the entry's type
# ("__slots__ items must be strings, not 'int'") when the class statement runs.


class Number:
    __slots__ = ('x', 1)  # expect: SLT005


class Negative:
    __slots__ = (-1,)  # expect: SLT005


class Floating:
    __slots__ = ['x', 2.5]  # expect: SLT005


class Complex:
    __slots__ = (1j,)  # expect: SLT005


class Nothing:
    __slots__ = ('x', None)  # expect: SLT005


class Boolean:
    __slots__ = (True,)  # expect: SLT005


class Bytes:
    __slots__ = (b'x',)  # expect: SLT005


class NestedTuple:
    __slots__ = (('x', 'y'),)  # expect: SLT005


class NestedList:
    __slots__ = [['x']]  # expect: SLT005


class DictKeys:
    __slots__ = {'x': 'the x', 2: 'two'}  # expect: SLT005


class SetEntry:
    __slots__ = {3}  # expect: SLT005


class Parenthesized:
    __slots__ = ('x', (4))  # expect: SLT005


class Ellipsis:
    __slots__ = (...,)  # expect: SLT005


class MultiLine:
    __slots__ = (
        'x',
        0,  # expect: SLT005
    )
