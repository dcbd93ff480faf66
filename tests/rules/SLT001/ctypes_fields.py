# ctypes structures: their metaclass turns `_fields_` into data descriptors when the class is
# created, so the fields can be assigned even with `__slots__ = ()` (from CPython's own
# Lib/test/test_ctypes/test_byteswap.py). A linter that cannot see through that metaclass must
# stay silent on them.
import ctypes
from ctypes import BigEndianStructure, LittleEndianStructure, Structure, Union, c_int


class Point(Structure):
    __slots__ = ()
    _fields_ = [('x', c_int), ('y', c_int)]

    def reset(self):
        self.x = 0
        self.y = 0


class BigPoint(BigEndianStructure):
    __slots__ = ()
    _fields_ = [('x', c_int), ('y', c_int)]


class LowPoint(LittleEndianStructure):
    __slots__ = ()
    _fields_ = [('x', c_int), ('y', c_int)]


class Either(ctypes.Union):
    __slots__ = ()
    _fields_ = [('i', c_int), ('f', ctypes.c_float)]


class Other(Union):
    __slots__ = ()
    _fields_ = [('i', c_int)]


Point().reset()
big = BigPoint()
big.x = 4
big.y = 2
low = LowPoint()
low.x = 2
low.y = 4
either = Either()
either.i = 1
either.f = 1.5
other = Other()
other.i = 3
