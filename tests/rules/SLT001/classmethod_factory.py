# In a classmethod, `obj = cls(...)` is an instance of the class or of a subclass, as `self` is in
# a method: a store on it is checked the same way (a subclass declaring the slot excuses it). A
# __new__ of ours, or `cls` rebound, says nothing. `cls.name = ...` patches the class: what it
# binds under that name is then unknown.


class Config:
    __slots__ = ('host', 'port')

    def __init__(self, host='localhost', port=80):
        self.host = host
        self.port = port

    @classmethod
    def from_url(cls, url):
        host, _, port = url.partition(':')
        obj = cls(host)
        obj.port = int(port or 80)
        obj.scheme = 'http'  # expect: SLT001
        return obj

    @classmethod
    def from_pair(cls, pair):
        def build():
            made = cls(*pair)
            made.timeout = 3  # expect: SLT001
            return made
        return build()

    @classmethod
    def copy_of(cls, other):
        if other is None:
            cls = Loose
        obj = cls()  # cls rebound: not known to be a Config
        obj.anything = 1
        return obj

    @staticmethod
    def default(cls=None):
        obj = cls()  # a static method's first parameter is just a parameter
        obj.anything = 1
        return obj


class Loose:
    pass


class Cached:
    __slots__ = ('key',)
    _cache = {}

    def __new__(cls, key):
        return cls._cache.get(key) or super().__new__(cls)

    @classmethod
    def make(cls, key):
        obj = cls(key)  # __new__ decides what this is
        obj.key = key
        obj.hits = 0
        return obj


class Cached2(Cached):
    pass  # a __dict__: Cached.make() on it stores hits


class Shape:
    __slots__ = ('name',)

    def __init__(self, name='shape'):
        self.name = name

    @classmethod
    def unit(cls):
        obj = cls()
        obj.size = 1  # Square declares the slot: obj may be a Square
        return obj

    @classmethod
    def install(cls):
        cls.label = property(lambda self: self.name, Shape._set_label)

    def _set_label(self, value):
        self.name = value

    @classmethod
    def labelled(cls, text):
        obj = cls()
        obj.label = text  # patched in by install()
        return obj


class Square(Shape):
    __slots__ = ('size',)


Config.from_url('example.org:8080')
Config.from_pair(('h', 1))
Config.copy_of(None)
Config.default(Loose)
Cached2.make('k')
Square.unit()
Shape.install()
Shape.labelled('x')
