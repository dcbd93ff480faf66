# __slots__ set to a single string declares one slot named by the whole string: valid, but
# usually a missing comma. The fix wraps the string in a one-element tuple.


class Node:
    __slots__ = ('value')  # expect: SLT013


class Bare:
    __slots__ = 'parser'  # expect: SLT013


class DoubleQuotes:
    __slots__ = "name"  # expect: SLT013


class Concatenated:
    __slots__ = ('first'  # expect: SLT013
                 'second')


class Annotated:
    __slots__: str = 'data'  # expect: SLT013


class Private:
    __slots__ = '__hidden'  # expect: SLT013

    def __init__(self):
        self.__hidden = 1


n = Node()
n.value = 1
Bare().parser = None
DoubleQuotes().name = 'n'
Concatenated().firstsecond = 1
Annotated().data = 1
Private()
