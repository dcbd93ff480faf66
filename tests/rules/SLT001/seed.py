class Employee(object):
    __slots__ = ('name', 'age', 'status', 'salary')

    def __init__(self, name, surname, age, status, salary):
        self.name = name
        self.surname = surname  # expect: SLT001
        self.age = age


class A:
    __slots__ = ('x', 'y')


class B(A):
    __slots__ = ('x', 't')  # expect: SLT002


class M(type):
    __slots__ = ('foo',)  # expect: SLT003


# The seed example from the SPEC (lines 1-19 above, expectations added); the driver below runs
# every marked line under the oracle.
Employee("Ada", "Lovelace", 36, "active", 100)
B()
