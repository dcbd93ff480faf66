# A base's slots stay in the layout even when a class in between has no __slots__ (and so a
# __dict__): redeclaring one below is still redundant. A name that a class without __slots__ only
# assigns in __init__ is not a slot: redeclaring it is not redundant.


class Slotted:
    __slots__ = ('a',)


class Loose(Slotted):
    def __init__(self):
        self.b = 1


class Again(Loose):
    __slots__ = ('a',  # expect: SLT002
                 'b')


Again()
