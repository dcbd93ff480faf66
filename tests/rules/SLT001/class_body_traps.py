# Names the class body binds only in appearance: a class variable deleted before the class ends, a
# binding only under `if TYPE_CHECKING:`, and an annotation without a value (ClassVar or not) bind
# nothing at run time, so `self.x = ...` for those names is still an assignment to a missing slot.
# A real class binding in a branch that runs, a nested class and a method are bound.
from typing import TYPE_CHECKING, ClassVar


class Deleted:
    __slots__ = ('a',)
    scratch = 1
    del scratch

    def __init__(self):
        self.a = 1
        self.scratch = 2  # expect: SLT001


class TypeCheckingOnly:
    __slots__ = ('a',)
    if TYPE_CHECKING:
        hint = 0

    def __init__(self):
        self.a = 1
        self.hint = 2  # expect: SLT001


class AnnotatedClassVar:
    __slots__ = ('a',)
    counter: ClassVar[int]

    def __init__(self):
        self.a = 1
        self.counter = 2  # expect: SLT001


class SlotWithTypeCheckingClassVar:
    __slots__ = ('a',)
    if TYPE_CHECKING:
        a = 0  # no conflict with the slot at run time

    def __init__(self):
        self.a = 1


Deleted()
TypeCheckingOnly()
AnnotatedClassVar()
SlotWithTypeCheckingClassVar()
