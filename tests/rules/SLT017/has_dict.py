# Instances that do have a __dict__, or whose class answers the lookup another way: a '__dict__'
# slot, a base without __slots__, a BaseException subclass, a class attribute or property named
# __dict__, a __getattr__ or __getattribute__. Nothing to report.
class WithDict:
    __slots__ = ('x', '__dict__')


class Plain:
    pass


class BelowPlain(Plain):
    __slots__ = ('x',)


class Error(Exception):
    __slots__ = ()


class Property:
    __slots__ = ('x',)

    @property
    def __dict__(self):
        return {'x': self.x}


class Fallback:
    __slots__ = ('x',)

    def __getattr__(self, name):
        return {}


class Intercept:
    __slots__ = ('x',)

    def __getattribute__(self, name):
        if name == '__dict__':
            return {}
        return object.__getattribute__(self, name)


class BelowFallback(Fallback):
    __slots__ = ('y',)


def fine():
    for obj in ():
        obj.__dict__
    with_dict = WithDict()
    with_dict.__dict__
    vars(with_dict)
    below = BelowPlain()
    vars(below)
    error = Error()
    error.__dict__
    prop = Property()
    prop.x = 1
    prop.__dict__
    vars(prop)
    fallback = Fallback()
    fallback.__dict__
    vars(fallback)
    intercept = Intercept()
    intercept.__dict__
    below_fallback = BelowFallback()
    below_fallback.__dict__


fine()
