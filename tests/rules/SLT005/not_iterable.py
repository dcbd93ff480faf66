# A __slots__ value type() cannot iterate: "TypeError: 'NoneType' object is not iterable".


class NoSlots:
    __slots__ = None  # expect: SLT005


class Zero:
    __slots__ = 0  # expect: SLT005


class Floating:
    __slots__ = 1.5  # expect: SLT005


class Flag:
    __slots__ = False  # expect: SLT005


class Minus:
    __slots__ = -1  # expect: SLT005


class InParentheses:
    __slots__ = (None)  # expect: SLT005


class Annotated:
    __slots__: tuple = None  # expect: SLT005
