# When slotlint cannot know, it stays silent: an instance it cannot name, a `vars` that is not the
# builtin, a class it cannot see through, a subclass in the file with a __dict__, `self` in a mixin
# without slots of its own or in an abstract class, code that asks hasattr(x, '__dict__') first,
# hasattr()/getattr() with a string; and a store to __dict__ is SLT001's.
import abc


def unknown_base():
    return type('Made', (), {})


class Opaque(unknown_base()):
    __slots__ = ('a',)


def decorate(cls):
    # returns a subclass without __slots__: its instances have a __dict__ and a __weakref__
    return type(cls.__name__, (cls,), {})


@decorate
class Decorated:
    __slots__ = ('a',)


class Dynamic:
    __slots__ = tuple(['a', '__dict__'])


class Slotted:
    __slots__ = ('a',)

    def state(self):
        # `self` may be a Loose: it has a __dict__.
        return self.__dict__


class Loose(Slotted):
    pass


class Mixin:
    __slots__ = ()

    def state(self):
        return vars(self)


class Concrete(Mixin):
    pass


class Singleton:
    __slots__ = ()
    _made = None

    def __new__(cls):
        return Concrete()


class Abstract(abc.ABC):
    __slots__ = ('a',)

    @abc.abstractmethod
    def run(self):
        pass

    def state(self):
        # an abstract class's instances are of subclasses, maybe with a __dict__
        return dict(vars(self))


# a subclass the analysis cannot see (it could as well live in another file)
Implementation = type('Implementation', (Abstract,), {'run': lambda self: None})


class State:
    __slots__ = ('a',)

    def __getstate__(self):
        state = {'a': 1}
        if hasattr(self, '__dict__'):
            state.update(self.__dict__)
        return state

    def extra(self):
        if not hasattr(self, '__dict__'):
            return {}
        return (lambda: vars(self))()


def cases(param):
    opaque = Opaque()
    opaque.__dict__
    decorated = Decorated()
    vars(decorated)
    dynamic = Dynamic()
    dynamic.__dict__
    param.__dict__
    rebound = Slotted()
    rebound = Concrete()
    rebound.__dict__
    slotted = Slotted()
    hasattr(slotted, '__dict__')
    getattr(slotted, '__dict__', None)
    singleton = Singleton()
    singleton.__dict__
    slotted.__dict__ = {}  # expect: SLT001


def shadowed_vars():
    vars = dir
    slotted = Slotted()
    return vars(slotted)


Implementation().state()
State().__getstate__()
State().extra()
Loose().state()
Concrete().state()
cases(Concrete())
shadowed_vars()
