# select: SLT020
# A slot that nothing in the file ever assigns.


class Point:
    __slots__ = ('x', 'y', 'label')  # expect: SLT020

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Node:
    __slots__ = ['value', 'parent', '__weakref__', 'cache']  # expect: SLT020, SLT020

    def __init__(self, value):
        self.value = value

    def read(self):
        return getattr(self, 'cache', None)  # reading is not assigning


class Private:
    __slots__ = ('__secret', '__used')  # expect: SLT020

    def __init__(self):
        self.__used = 1


class Other:  # `self.__secret` here is _Other__secret, not Private's
    __slots__ = ('_Private__secret',)  # expect: SLT020

    def __init__(self):
        self.__secret = 1  # expect: SLT001


class Annotated:
    __slots__ = ('a', 'b')  # expect: SLT020
    a: int
    b: int

    def __init__(self):
        self.a = 1
        self.b: int  # an annotation without a value assigns nothing


Point(1, 2)
Node(1).read()
Private()
try:
    Other()
except AttributeError:
    pass
Annotated()
