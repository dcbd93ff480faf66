# When slotlint cannot know, it stays silent: an instance it cannot name, a name bound twice, a
# `weakref` that is not the module, a class it cannot see through, a subclass in the file that has
# a __weakref__, `self` in a mixin declaring no slots of its own or in an abstract class, code that
# asks hasattr(x, '__weakref__') first, containers held where it does not look, and what the weak
# containers do not weakly reference.
import abc
import weakref


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
    __slots__ = tuple(['a', '__weakref__'])


class Slotted:
    __slots__ = ('a',)

    def handle(self):
        # `self` may be a WeakSub: it has a __weakref__.
        return weakref.ref(self)


class WeakSub(Slotted):
    __slots__ = ('__weakref__',)


class Mixin:
    __slots__ = ()

    def handle(self):
        # A mixin without slots of its own: its concrete subclasses decide the layout.
        return weakref.ref(self)


class Concrete(Mixin):
    pass


class Abstract(abc.ABC):
    __slots__ = ('a',)

    @abc.abstractmethod
    def run(self):
        pass

    def handle(self):
        # an abstract class's instances are of subclasses, maybe with a __weakref__
        return weakref.ref(self)


# a subclass the analysis cannot see (it could as well live in another file)
Implementation = type('Implementation', (Abstract,), {'run': lambda self: None})


class Probed:
    __slots__ = ('a',)

    def handle(self):
        # asks first: never makes the reference when there is no __weakref__
        if hasattr(self, '__weakref__'):
            return weakref.ref(self)
        return None


class Fake:
    @staticmethod
    def ref(obj):
        return obj


class Factory:
    __slots__ = ('a',)

    def __new__(cls):
        # may return anything: `Factory()` is not known to be a Factory
        return Concrete()


class Weak:
    __slots__ = ('__weakref__',)


class Holder:
    def __init__(self):
        self.refs = weakref.WeakSet()

    def keep(self, item):
        self.refs.add(item)


def cases(param, annotated: Weak):
    opaque = Opaque()
    weakref.ref(opaque)
    decorated = Decorated()
    weakref.ref(decorated)
    dynamic = Dynamic()
    weakref.ref(dynamic)
    weakref.ref(param)
    rebound = Slotted()
    rebound = Concrete()
    weakref.ref(rebound)
    slotted = Slotted()
    fake = Fake()
    fake.ref(slotted)
    weakref.getweakrefcount(slotted)
    weakref.getweakrefs(slotted)
    weak_set = weakref.WeakSet()
    assert slotted not in weak_set
    keys = weakref.WeakKeyDictionary()
    assert slotted not in keys
    values = weakref.WeakValueDictionary()
    values.get(slotted)
    values.pop(slotted, None)
    strong = {}
    strong[slotted] = 1
    nested = {'k': [slotted]}
    nested['k'][0] = slotted  # a subscript of a subscript: no holder we follow
    strong.setdefault(slotted, slotted)
    plain_set = set()
    plain_set.add(slotted)
    factory = Factory()
    weakref.ref(factory)
    Holder().keep(Concrete())
    weakref.ref(annotated)


def shadowed():
    ref = id
    slotted = Slotted()
    ref(slotted)


Implementation().handle()
Probed().handle()
WeakSub().handle()
Concrete().handle()
cases(Concrete(), Weak())
shadowed()
