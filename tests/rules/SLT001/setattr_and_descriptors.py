# What else allows an assignment: a property with a setter, a data descriptor, a class attribute
# whose value is not a plain literal (conservatively), and a __setattr__ of the class or a base.
# A __setattr__ that forwards every name unchanged to object.__setattr__ allows nothing more, and
# __getattr__ has no say in assignments.
import sys


class Celsius:
    __slots__ = ('_value',)

    def __get__(self, obj, owner=None):
        return obj._store

    def __set__(self, obj, value):
        obj._store = value


class Temperature:
    __slots__ = ('_degrees', '_store')

    reading = Celsius()  # a data descriptor

    def __init__(self):
        self._degrees = 0
        self.degrees = 10  # the property's setter
        self.reading = 20  # the descriptor's __set__
        self.kelvin = 283  # expect: SLT001

    @property
    def degrees(self):
        return self._degrees

    @degrees.setter
    def degrees(self, value):
        self._degrees = value


class OldStyleProperty:
    __slots__ = ('_v',)

    def _get(self):
        return self._v

    def _set(self, value):
        self._v = value

    v = property(_get, _set)

    def __init__(self):
        self.v = 1
        self.w = 2  # expect: SLT001


class Intercepting:
    __slots__ = ('_extra',)

    def __init__(self):
        object.__setattr__(self, '_extra', {})
        self.anything = 1  # __setattr__ decides

    def __setattr__(self, name, value):
        if name == '_extra':
            object.__setattr__(self, name, value)
        else:
            self._extra[name] = value


class InterceptingChild(Intercepting):
    __slots__ = ()

    def more(self):
        self.something_else = 2  # inherited __setattr__


class Forwarding:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        super().__setattr__(name, value)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


class ForwardingToObject:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


class WithGetattr:
    __slots__ = ('a',)

    def __getattr__(self, name):
        return 0

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


class ConditionalSetattr:
    __slots__ = ('a',)
    if sys.version_info >= (3, 0):
        def __setattr__(self, name, value):
            if name == 'a':
                object.__setattr__(self, name, value)

    def __init__(self):
        self.a = 1
        self.ignored = 2  # a __setattr__ that may exist decides


Temperature()
ConditionalSetattr()
OldStyleProperty()
Intercepting()
InterceptingChild().more()
Forwarding()
ForwardingToObject()
WithGetattr()
