# Bases whose instance layouts cannot be merged: "TypeError: multiple bases have instance lay-out
# conflict". Built-in types with a C layout of their own, and classes with nonempty __slots__.
import collections


class IntAndStr(int, str):  # expect: SLT008
    pass


class DictAndList(dict, list):  # expect: SLT008
    pass


class Point:
    __slots__ = ('x', 'y')


class Colored:
    __slots__ = ('color',)


class ColoredPoint(Point, Colored):  # expect: SLT008
    __slots__ = ()


class Point3D(Point):
    __slots__ = ('z',)


class Deep(Point3D, Colored):  # expect: SLT008
    pass


class SlottedAndInt(Point, int):  # expect: SLT008
    pass


class OrderedAndList(collections.OrderedDict, list):  # expect: SLT008
    pass


class ErrorAndInt(Exception, int):  # expect: SLT008
    pass


class Multiline(  # expect: SLT008
    Point,
    Colored,
):
    pass
