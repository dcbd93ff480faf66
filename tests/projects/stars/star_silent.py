# Star imports that do not bind what a naive reading would: each class here has a __dict__, and
# nothing raises.
class _Hidden:
    pass


class Unlisted:
    pass


class Dyn:
    pass


from zoo.animals import *  # noqa: E402  (no _Hidden: a private name)
from zoo.listed import *  # (no Unlisted: not in __all__)
from zoo.computed import *  # (a computed __all__: Dyn may or may not come; here it does not)


class A(_Hidden):
    __slots__ = ()

    def f(self):
        self.x = 1


class B(Unlisted):
    __slots__ = ()

    def f(self):
        self.x = 1


class C(Dyn):
    __slots__ = ()

    def f(self):
        self.x = 1


A().f()
B().f()
C().f()
