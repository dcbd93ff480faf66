# An instance made in the statement itself is exactly an instance of the class called: a store on
# it is checked as on a local bound to `C(...)`. A class whose instances have a __dict__, a slot
# of that name, or a callee that is not a class give nothing.


class Point:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = self.y = 0


class Open:
    pass


def make():
    return Open()


Point().z = 1  # expect: SLT001
Point().x = 1
Open().z = 1
make().z = 1
