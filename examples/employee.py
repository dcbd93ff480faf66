"""SLT001: assigning an attribute that is not a slot of a class without __dict__."""


class Employee:
    __slots__ = ("name", "age", "status", "salary")

    def __init__(self, name, surname, age, status, salary):
        self.name = name
        self.surname = surname  # AttributeError: 'Employee' object has no attribute 'surname'
        self.age = age
        self.status = status
        self.salary = salary


class Counter:
    __slots__ = ("total",)

    def __init__(self):
        self.total = 0

    def bump(self):
        self.total += 1
        self.calls += 1  # reading 'calls' raises AttributeError first


def make_point():
    p = Point()
    p.x = 1
    p.z = 3  # AttributeError: 'Point' object has no attribute 'z'
    return p


class Point:
    __slots__ = ["x", "y"]
