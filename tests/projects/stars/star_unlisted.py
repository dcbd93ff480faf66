# A star import of a module with a literal __all__ takes only those names: the Unlisted of this
# file stays, with its __dict__, and nothing raises.
class Unlisted:
    pass


from zoo.listed import *  # noqa: E402


class B(Unlisted):
    __slots__ = ()

    def f(self):
        self.x = 1


B().f()
