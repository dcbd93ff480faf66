# A star import of a module whose __all__ is computed may bind any name: Dyn is unknown (silent);
# here zoo.computed does not export it, and this file's Dyn keeps its __dict__.
class Dyn:
    pass


from zoo.computed import *  # noqa: E402


class C(Dyn):
    __slots__ = ()

    def f(self):
        self.x = 1


C().f()
