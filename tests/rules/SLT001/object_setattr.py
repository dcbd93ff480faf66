# `object.__setattr__(obj, 'name', v)` is the generic store: no __setattr__ of the class stops it
# (immutable classes initialise themselves this way), so it raises exactly when a plain store
# without that hook would: no slot and no __dict__ (SLT001), or a plain class attribute (SLT009).
# A name that is not a literal, a private name (the string is not mangled), a receiver that may
# be a subclass declaring the name, or an `object` that is not the builtin: silent.


class Frozen:
    __slots__ = ('a', '_hash', '__x')
    kind = 'frozen'

    def __init__(self, a):
        object.__setattr__(self, 'a', a)
        object.__setattr__(self, '_hash', hash(a))
        object.__setattr__(self, '_Frozen__x', 0)   # the mangled slot, spelled out
        object.__setattr__(self, 'b', a)  # expect: SLT001

    def __setattr__(self, name, value):
        raise AttributeError('frozen')

    def retag(self):
        object.__setattr__(self, 'kind', 'thawed')  # expect: SLT009

    def copy_from(self, other, names):
        for name in names:
            object.__setattr__(self, name, getattr(other, name))


class WithDict:
    __slots__ = ('a', '__dict__')

    def __init__(self):
        object.__setattr__(self, 'a', 1)
        object.__setattr__(self, 'b', 2)


class Temperature:
    __slots__ = ('_celsius',)

    def __init__(self, c):
        object.__setattr__(self, 'celsius', c)   # a property with a setter

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        self._celsius = value


class InitMixin:
    __slots__ = ()

    def init_label(self, label):
        object.__setattr__(self, 'label', label)   # the subclass declares it


class Labelled(InitMixin):
    __slots__ = ('label',)


class _Shim:
    @staticmethod
    def __setattr__(*args):
        return None


def shadowed(target):
    object = _Shim()
    object.__setattr__(target, 'missing', 1)     # not the builtin object


f = Frozen(1)
f.retag()
f.copy_from(Frozen(2), ['a'])
WithDict()
Temperature(20)
Labelled().init_label('x')
shadowed(Frozen(3))
