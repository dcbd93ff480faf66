# A __new__ written in Python decides what `C(...)` returns: a cached instance, or one of a subclass
# it picks at run time (pathlib's PurePath picks PosixPath), which may have a __dict__. A store on a
# local bound to `C(...)`, or on `C(...)` itself, says nothing then. `self` in a method is still an
# instance of the class, and a class without a __new__ of its own or of its bases is checked.


class Path:
    __slots__ = ('parts',)

    def __new__(cls, *parts):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    def __init__(self, *parts):
        self.parts = parts


class PosixPath(Path):
    pass  # no __slots__: its instances have a __dict__


class Singleton:
    __slots__ = ('value',)
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance


class Sub(Singleton):
    __slots__ = ()


class Plain:
    __slots__ = ('value',)


def use():
    p = Path('usr', 'lib')  # a PosixPath
    p.drive = 'c'
    p.root = '/'
    Path('etc').anchor = '/'
    s = Sub()  # __new__ is inherited
    s.value = 1
    k = Plain()
    k.value = 2
    k.other = 3  # expect: SLT001
    Plain().other = 4  # expect: SLT001


use()
