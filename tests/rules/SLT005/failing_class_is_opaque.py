# A class whose creation fails has no instances: nothing else is reported about them (no SLT001
# for the attribute assignment below, which never runs).


class Broken:
    __slots__ = ('name', 42)  # expect: SLT005

    def __init__(self):
        self.name = 'n'
        self.other = 'never runs'


class AlsoBroken:
    __slots__ = None  # expect: SLT005

    def __init__(self):
        self.anything = 1


class Base:
    __slots__ = ('x',)


class Redeclares(Base):
    __slots__ = ('x', None)  # expect: SLT005
