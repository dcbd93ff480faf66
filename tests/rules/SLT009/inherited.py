# The first class in the MRO that binds the name decides: a class variable in a subclass hides a
# base's slot of the same name; names of standard-library bases (a method of str) count too.


class Base:
    __slots__ = ('level',)
    kind = 'base'


class Child(Base):
    __slots__ = ('extra',)

    def set(self):
        self.level = 1
        self.extra = 2
        self.kind = 'child'  # expect: SLT009


class Shadow(Base):
    __slots__ = ()
    level = 0  # a class variable hides the slot 'level' of Base

    def set(self):
        self.level = 3  # expect: SLT009


class Name(str):
    __slots__ = ()

    def shout(self):
        self.upper = None  # expect: SLT009


class Plain:
    __slots__ = ('x',)

    def rebind(self):
        self.__eq__ = None  # expect: SLT009


class Grand(Child):
    __slots__ = ('more',)

    def set(self):
        Child.set(self)

    def go(self):
        self.kind = 'grand'  # expect: SLT009


Child().set()
Shadow().set()
Name('a').shout()
Plain().rebind()
g = Grand()
g.go()


from typing import NamedTuple


class Pt(NamedTuple):
    x: int

    def patch(self):
        self._replace = None  # expect: SLT009


Pt(1).patch()
