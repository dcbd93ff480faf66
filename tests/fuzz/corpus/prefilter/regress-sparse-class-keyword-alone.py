# A metaclass's instances are classes, and classes always have a __dict__: a `type` subclass with
# `__slots__ = ()` still lets `cls.anything = ...` through, in its methods and elsewhere.


class Meta(type):
    __slots__ = ()

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.registered = True

    def tag(cls):
        cls#tagged = True


class odel(metaclass=Meta):
    __slots__ = ('pk',)

    def __init__(self):
        self.pk = 0
        self.name = 'm'  # expect: SLT001


Model.tag()
Model.extra = 1
Model()
