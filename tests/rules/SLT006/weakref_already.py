# A '__weakref__' slot when instances are already weakly referenceable, or a second one. The
# message changed in 3.12 ("either we already got one, or __itemsize__ != 0" before).


class Twice:
    __slots__ = ('__weakref__', '__weakref__')  # expect: SLT006


class Plain:
    pass


class BelowPlain(Plain):
    __slots__ = ('__weakref__',)  # expect: SLT006


class WithWeakref:
    __slots__ = ('__weakref__',)


class BelowWithWeakref(WithWeakref):
    __slots__ = ('x', '__weakref__')  # expect: SLT006


class Error(Exception):
    pass  # a class without __slots__ adds a __weakref__ (Exception has none)


class BelowError(Error):
    __slots__ = ('__weakref__',)  # expect: SLT006


class ErrorWithWeakref(Exception):
    __slots__ = ('__weakref__',)


class BelowErrorWithWeakref(ErrorWithWeakref):
    __slots__ = ('__weakref__',)  # expect: SLT006
