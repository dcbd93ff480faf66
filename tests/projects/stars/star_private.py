# A star import takes no name starting with `_` (the module has no __all__): the _Hidden of this
# file stays, with its __dict__, and nothing raises.
class _Hidden:
    pass


from zoo.animals import *  # noqa: E402


class A(_Hidden):
    __slots__ = ()

    def f(self):
        self.x = 1


A().f()
