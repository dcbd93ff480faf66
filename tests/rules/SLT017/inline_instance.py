# vars() and __dict__ of an instance made in the expression itself (`vars(C())`): exactly a C.


class Point:
    __slots__ = ('x',)


class Loose:
    pass


vars(Point())  # expect: SLT017
Point().__dict__  # expect: SLT017
vars(Loose())
Loose().__dict__
