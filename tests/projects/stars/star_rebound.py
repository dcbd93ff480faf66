# A name bound again after the star import that brought it: the later binding wins.
from zoo.animals import *


class Animal:
    pass


class Pet(Animal):
    __slots__ = ()

    def f(self):
        self.x = 1


Pet().f()
