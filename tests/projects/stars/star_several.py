# Two star imports that both bind `Animal`: the analysis does not tell which one wins, and stays
# silent (here the second, with a __dict__, does: nothing raises).
from zoo.animals import *
from zoo.loose import *


class Pet(Animal):
    __slots__ = ()

    def f(self):
        self.x = 1


Pet().f()
