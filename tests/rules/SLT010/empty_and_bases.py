# `__slots__ = ()` still forbids every instance attribute; bases' slots count.
from typing import NamedTuple


class Empty:
    __slots__ = ()

    def drop(self):
        del self.anything  # expect: SLT010


class Base:
    __slots__ = ('a',)


class Child(Base):
    __slots__ = ()

    def drop(self):
        self.a = 1
        del self.a
        del self.b  # expect: SLT010


class Name(str):
    __slots__ = ()

    def drop(self):
        del self.nickname  # expect: SLT010


class Point(NamedTuple):
    x: int

    def drop(self):
        del self.label  # expect: SLT010


Empty().drop()
Child().drop()
Name('n').drop()
Point(1).drop()
