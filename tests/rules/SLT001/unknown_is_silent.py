# Unknown means silent: a base the analyzer cannot resolve, a dynamic __slots__, an unknown class
# decorator or metaclass, a class defined twice or conditionally. Each of these classes really
# has a __dict__ at run time, which is why a linter must not guess.
import argparse
import json
import sys


def make_base():
    class Made:
        pass
    return Made


class FromCall(make_base()):
    __slots__ = ('a',)

    def __init__(self):
        self.a = 1
        self.b = 2


class FromStdlibModule(argparse.Namespace):
    __slots__ = ('a',)

    def __init__(self):
        super().__init__()
        self.b = 2


class FromJson(json.JSONEncoder):
    __slots__ = ('a',)

    def __init__(self):
        super().__init__()
        self.b = 2


Dynamic = type('Dynamic', (), {})


class FromTypeCall(Dynamic):
    __slots__ = ()

    def __init__(self):
        self.b = 2


class DynamicSlots:
    __slots__ = tuple(['a', '__dict__'])

    def __init__(self):
        self.b = 2


class ComprehensionSlots:
    __slots__ = [name for name in ('a', '__dict__')]

    def __init__(self):
        self.b = 2


def add_dict(cls):
    return type(cls.__name__, (cls,), {})


@add_dict
class Decorated:
    __slots__ = ('a',)

    def __init__(self):
        self.b = 2


class DropSlots(type):
    def __new__(mcs, name, bases, ns):
        ns = dict(ns)
        ns.pop('__slots__', None)
        return super().__new__(mcs, name, bases, ns)


class WithMetaclass(metaclass=DropSlots):
    __slots__ = ('a',)

    def __init__(self):
        self.b = 2


class Twice:
    __slots__ = ('a',)


class Twice:
    pass


twice = Twice()
twice.b = 2

if sys.version_info < (3, 0):
    class Conditional:
        __slots__ = ('a',)
else:
    class Conditional:
        pass

conditional = Conditional()
conditional.b = 2


try:
    from _slotlint_no_such_module import Missing
except ImportError:
    class Missing:
        pass


class FromImport(Missing):
    __slots__ = ('a',)

    def __init__(self):
        self.b = 2


FromCall()
FromStdlibModule()
FromJson()
FromTypeCall()
DynamicSlots()
ComprehensionSlots()
Decorated()
WithMetaclass()
FromImport()
