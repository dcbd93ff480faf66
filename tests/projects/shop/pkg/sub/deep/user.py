# Relative imports three levels up and one level up.
from ...models import Base, Opaque
from ... import Point
from ..helpers import Helper


class User(Base):
    __slots__ = ("email",)

    def __init__(self):
        self.name = "n"
        self.email = "e"
        self.age = 3  # expect: SLT001


class Located(Point):
    __slots__ = ("label",)

    def move(self):
        self.x = 1
        self.z = 2  # expect: SLT001


class Unknown(Opaque):
    __slots__ = ("c",)

    def __init__(self):
        self.anything = 1


class Helped(Helper):
    __slots__ = ("h2",)

    def __init__(self):
        self.h = 1
        self.h3 = 3  # expect: SLT001


User()
Located().move()
Unknown()
Helped()
