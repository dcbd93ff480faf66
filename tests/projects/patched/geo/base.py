from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .shapes import Circle


class Shape:
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def bigger(self, other: "Circle"):
        other.name = self.name
