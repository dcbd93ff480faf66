# A name stored on the class object from outside its body (`C.name = ...` at module level or in a
# function, `del C.name`, `setattr(C, 'name', ...)`) is patched in when that code runs: a property
# with a setter there lets instances store the name. What the class binds under it is beyond the
# analysis, for the class and its subclasses; the other names of the class are still checked, unless
# a setattr() on the class names what it stores only at run time (properties made in a loop).


class Temperature:
    __slots__ = ('_celsius',)

    def __init__(self, celsius):
        self._celsius = celsius
        self.fahrenheit = celsius * 9 / 5 + 32
        self.kelvin = celsius + 273.15  # expect: SLT001


def _get_f(self):
    return self._celsius * 9 / 5 + 32


def _set_f(self, value):
    self._celsius = (value - 32) * 5 / 9


Temperature.fahrenheit = property(_get_f, _set_f)


class Gauge(Temperature):
    __slots__ = ('unit',)

    def calibrate(self):
        self.unit = 'C'
        self.fahrenheit = 50
        self.offset = 0  # expect: SLT001


class Widget:
    __slots__ = ('_size',)


def install_size():
    def get(self):
        return self._size

    def put(self, value):
        self._size = value

    Widget.size = property(get, put)


class Vector:
    __slots__ = ('_coords',)

    def __init__(self):
        self._coords = [0, 0]
        self.x = 1
        self.y = 2


def _axis(i):
    def get(self):
        return self._coords[i]

    def put(self, value):
        self._coords[i] = value

    return property(get, put)


for _i, _name in enumerate(('x', 'y')):
    setattr(Vector, _name, _axis(_i))


class Record:
    __slots__ = ('_data',)

    def __init__(self):
        self._data = {}
        self.ident = 1
        self.stamp = 2  # expect: SLT001


setattr(Record, 'ident', property(lambda r: r._data.get('ident'), lambda r, v: r._data.update(ident=v)))

install_size()
Vector().x = 5
Record()
t = Temperature(20)
t.fahrenheit = 100
g = Gauge(0)
g.calibrate()
w = Widget()
w.size = 3
w.colour = 'red'  # expect: SLT001
