# Strings that are not identifiers: "TypeError: __slots__ must be identifiers".


class Space:
    __slots__ = ('first name',)  # expect: SLT005


class Digit:
    __slots__ = ('x', '2nd')  # expect: SLT005


class Empty:
    __slots__ = ('',)  # expect: SLT005


class Dash:
    __slots__ = ['x-y']  # expect: SLT005


class Dotted:
    __slots__ = {'a.b'}  # expect: SLT005


class SingleString:
    __slots__ = 'x y'  # expect: SLT005


class EmptyString:
    __slots__ = ''  # expect: SLT005


class Escaped:
    __slots__ = ('tab\there',)  # expect: SLT005
