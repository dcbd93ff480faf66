# Classes whose `slotlint layout` figures the layout oracle (tests/oracle/layout_oracle.py) checks
# against __basicsize__, sys.getsizeof, __dictoffset__/__weakrefoffset__, the real offset of each
# slot and the measured memory of instances, under every CPython it finds.
import dataclasses
import typing


class Plain:
    pass


class Empty:
    __slots__ = ()


class Point:
    __slots__ = ('y', 'x')  # stored sorted: x at 16, y at 24


class WithDict:
    __slots__ = ('a', '__dict__')


class WithWeakref:
    __slots__ = ('a', '__weakref__')


class WithBoth:
    __slots__ = ['__weakref__', 'b', 'a', '__dict__']


class Point3(Point):
    __slots__ = ('z',)


class PlainBelowSlots(Point):
    pass


class SlotsBelowPlain(Plain):
    __slots__ = ('c',)


class _Private:
    __slots__ = ('__secret', 'shown')


class Many:
    __slots__ = ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l')


class Integer(int):
    pass


class IntegerSlots(int):
    __slots__ = ()


class Text(str):
    pass


class TextSlots(str):
    __slots__ = ()


class Pair(tuple):
    pass


class PairSlots(tuple):
    __slots__ = ()


class Raw(bytes):
    pass


class Error(Exception):
    pass


class ErrorSlots(Exception):
    __slots__ = ('code',)


class Items(list):
    __slots__ = ('owner',)


class Mixin:
    __slots__ = ()


class Diamond(Point, Mixin):
    __slots__ = ('w',)


class Weakly(WithWeakref):
    __slots__ = ('b',)


@dataclasses.dataclass
class PlainData:
    x: int = 0


class Record(typing.NamedTuple):
    x: int = 0
    y: int = 0

