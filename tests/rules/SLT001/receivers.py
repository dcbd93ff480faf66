# Who counts as an instance of the slotted class: `self` (the first parameter of a method, in
# __init__ or any other method, and in closures inside it), a local bound once to `C(...)`, and a
# parameter annotated `: C`. Not: a rebound `self`, a staticmethod's first parameter, the `cls` of
# a classmethod, __new__, __init_subclass__ or __class_getitem__.
import types


class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.z = 0  # expect: SLT001

    def move(self, dx):
        self.x += dx
        self.label = 'moved'  # expect: SLT001

    def with_closure(self):
        def helper():
            self.cache = 1  # expect: SLT001
            self.y = 2

        def deeper():
            def deepest():
                self.deep = 3  # expect: SLT001
            deepest()

        helper()
        deeper()
        read = lambda: self.x  # a lambda can read but cannot assign an attribute
        return read()

    def other_name(this):
        this.x = 1
        this.other = 2  # expect: SLT001

    def rebound(self):
        self = types.SimpleNamespace()
        self.anything = 1  # `self` is no longer the instance

    def rebound_by_loop(self):
        for self in [types.SimpleNamespace()]:
            self.anything = 1

    def shadowing_parameter(self):
        def inner(self):
            self.anything = 1  # inner's own parameter, not the method's receiver
        inner(types.SimpleNamespace())

    @staticmethod
    def static(self):
        self.anything = 1  # a staticmethod has no receiver

    @classmethod
    def configure(cls):
        cls.registry = {}  # sets a class attribute: fine on a slotted class


class Implicit:
    __slots__ = ('a',)

    def __new__(cls, *args):
        cls.created = True  # __new__ is implicitly static: `cls` is the class
        return super().__new__(cls)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.subclassed = True  # implicitly a classmethod

    def __class_getitem__(cls, item):
        cls.last_item = item  # implicitly a classmethod
        return cls


def local_instance():
    p = Point(1, 2)
    p.x = 3
    p.color = 'red'  # expect: SLT001


def local_rebound():
    p = Point(1, 2)
    p = types.SimpleNamespace()  # bound twice: no longer known to be a Point
    p.color = 'red'


def annotated_parameter(p: Point):
    p.y = 4
    p.weight = 1.5  # expect: SLT001


def unannotated_parameter(p):
    p.weight = 1.5  # nothing says what p is


def other_objects(p: Point):
    ns = types.SimpleNamespace(inner=types.SimpleNamespace())
    ns.inner.zz = 1
    ns.zz = 2


module_point = Point(0, 0)
module_point.w = 1  # expect: SLT001


p = Point(1, 2)
p.move(1)
p.with_closure()
p.other_name()
p.rebound()
p.rebound_by_loop()
p.shadowing_parameter()
Point.static(types.SimpleNamespace())
Point.configure()
Implicit()
Implicit[int]


class SubImplicit(Implicit):
    __slots__ = ()


local_instance()
local_rebound()
annotated_parameter(Point(0, 0))
unannotated_parameter(types.SimpleNamespace())
other_objects(Point(0, 0))
