# A module of the project whose class's base comes from a star import of another module.
from .animals import *


class Dog(Animal):
    __slots__ = ("bark",)
