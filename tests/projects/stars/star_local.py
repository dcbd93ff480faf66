# Star imports in the linted file itself: public names, a literal __all__, and an earlier binding
# that the star import replaces.
class Animal:
    pass


from zoo.animals import *  # noqa: E402  (replaces the Animal above)
from zoo.listed import *


class Local(Animal):
    __slots__ = ()

    def groom(self):
        self.fur = 1  # expect: SLT001


class FromList(Exported):
    __slots__ = ()

    def use(self):
        self.e = 1
        self.x = 1  # expect: SLT001


class Again(Exported):
    __slots__ = ("e",)  # expect: SLT002


Local().groom()
FromList().use()
