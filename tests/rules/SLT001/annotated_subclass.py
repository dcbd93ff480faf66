# A parameter annotated `: C` holds a C or an instance of any subclass of C. When a subclass of
# this file can store the name (it has a __dict__, declares the slot, or is unknown), a function
# written for the base and called with that subclass does not raise: silent. Without such a
# subclass, the store raises on every instance the parameter can hold.


class Animal:
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name


class Dog(Animal):
    # No __slots__: a Dog has a __dict__.
    def __init__(self, name):
        super().__init__(name)
        self.tricks = []


def train(a: Animal):
    a.tricks = ['sit']      # Dog has a __dict__: silent


def teach(a: 'Animal'):
    a.tricks += ['roll']    # the same through a string annotation


class Sealed:
    __slots__ = ('v',)
    limit = 3


class SealedChild(Sealed):
    __slots__ = ('w',)


def fill(s: Sealed):
    s.v = 1
    s.w = 2                 # SealedChild declares w: silent
    s.extra = 3  # expect: SLT001
    s.limit = 4  # expect: SLT009


class Config:
    __slots__ = ()
    mode = 'fast'


class LooseConfig(Config):
    pass


def tune(c: Config):
    c.mode = 'slow'         # LooseConfig has a __dict__: silent


train(Dog('rex'))
teach(Dog('fido'))
fill(SealedChild())
tune(LooseConfig())
