# Silent: classes without __slots__ in their own body, whatever else says "__slots__".
__slots__ = ('a',)  # a module-level name, not a class's


class Plain:
    def __init__(self):
        self.anything = 1
        self.__private = 2


class MentionsSlots:
    """Has no __slots__ = ('a',) of its own; only this docstring mentions it."""

    def __init__(self):
        __slots__ = ('a',)  # a local variable of __init__
        self.b = __slots__


class Holder:
    def __init__(self):
        self.__slots__ = ('a',)  # an instance attribute: no effect on the layout
        self.b = 1


def function():
    __slots__ = ()
    return __slots__


Plain()
MentionsSlots()
Holder()
function()
