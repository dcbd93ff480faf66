# requires-python: 3.10
# A subclass of a class of another module whose decorator is re-exported by the project.
from zoo.records import Record


class Tagged(Record):
    __slots__ = ("tag",)

    def label(self):
        self.key = 1
        self.tag = "t"
        self.colour = "red"  # expect: SLT001


Tagged().label()
