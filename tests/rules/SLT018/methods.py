# requires-python: 3.10
# Zero-argument super() reads the __class__ cell of the method, which still holds the class
# @dataclass(slots=True) replaced: a TypeError up to 3.13, in every kind of method and in the
# functions, lambdas and comprehensions nested in them. 3.14 rewrites the cells.
import dataclasses
from dataclasses import dataclass


class Base:
    def __init__(self):
        pass

    def describe(self):
        return 'base'

    @classmethod
    def create(cls):
        return cls.__new__(cls)

    def __init_subclass__(cls, **kwargs):
        pass


@dataclass(slots=True)
class Point(Base):
    x: int = 0

    def __post_init__(self):
        super().__init__()  # expect: SLT018[-py313]

    def describe(self):
        return super().describe() + ' point'  # expect: SLT018[-py313]

    @classmethod
    def create(cls):
        return super().create()  # expect: SLT018[-py313]

    @staticmethod
    def static(obj):
        return super().describe()  # expect: SLT018[-py313]

    @property
    def label(self):
        return super().describe()  # expect: SLT018[-py313]

    def nested(self):
        def helper(obj):
            return super().describe()  # expect: SLT018[-py313]
        return helper(self)

    def with_lambda(self):
        return (lambda obj: super().describe())(self)  # expect: SLT018[-py313]

    def with_comprehension(self):
        return [super().describe() for _ in range(1)]  # expect: SLT018[-py313]

    def with_generator(self):
        return list(super().describe() for _ in range(1))  # expect: SLT018[-py313]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)  # expect: SLT018[-py313]


@dataclasses.dataclass(slots=True, eq=False)
class Guarded:
    x: int = 0

    def __setattr__(self, name, value):
        super().__setattr__(name, value)  # expect: SLT018[-py313]

    def set_x(self):
        self.x = 1


point = Point()
point.describe()
Point.create()
Point.static(point)
point.label
point.nested()
point.with_lambda()
point.with_comprehension()
point.with_generator()


class Sub(Point):
    pass


Guarded().set_x()
