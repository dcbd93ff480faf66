# Bases from the standard library, resolved through the built-in table: whether their instances
# have a __dict__ decides. object, int, str, bytes, tuple, float, list, dict, abc.ABC,
# typing.Generic and typing.Protocol have none; BaseException and its subclasses, argparse's
# Namespace and classes of unknown modules do (or may).
import abc
import typing
from typing import Generic, Protocol, TypeVar

T = TypeVar('T')


class Number(int):
    __slots__ = ()

    def tag(self):
        self.unit = 'm'  # expect: SLT001


class Text(str):
    __slots__ = ()

    def tag(self):
        self.lang = 'en'  # expect: SLT001


class Pair(tuple):
    __slots__ = ()

    def tag(self):
        self.kind = 'pair'  # expect: SLT001


class Registry(dict):
    __slots__ = ('name',)

    def __init__(self):
        super().__init__()
        self.name = 'r'
        self.size = 0  # expect: SLT001


class Items(list):
    __slots__ = ('name',)

    def __init__(self):
        super().__init__()
        self.name = 'i'
        self.size = 0  # expect: SLT001


class Shape(abc.ABC):
    __slots__ = ('sides',)

    def __init__(self):
        self.sides = 3
        self.color = 'red'  # expect: SLT001


class Box(Generic[T]):
    __slots__ = ('item',)

    def __init__(self, item: T):
        self.item = item
        self.label = 'box'  # expect: SLT001


class TypingBox(typing.Generic[T]):
    __slots__ = ('item',)

    def __init__(self, item):
        self.item = item
        self.label = 'box'  # expect: SLT001


class Sized(Protocol):
    __slots__ = ()

    def size(self) -> int:
        ...


class Disk(Sized):
    __slots__ = ('blocks',)

    def __init__(self):
        self.blocks = 8
        self.label = 'disk'  # expect: SLT001

    def size(self) -> int:
        return self.blocks


class Failure(Exception):
    __slots__ = ('code',)

    def __init__(self):
        super().__init__()
        self.code = 1
        self.detail = 'BaseException instances have a __dict__'


class Lookup(KeyError):
    __slots__ = ()

    def __init__(self):
        super().__init__()
        self.detail = 'so do its subclasses'


Number(1).tag()
Text('a').tag()
Pair((1, 2)).tag()
Registry()
Items()
Shape()
Box(1)
TypingBox(1)
Disk()
Failure()
Lookup()
