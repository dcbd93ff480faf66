# On variable-size bases any nonempty __slots__ fails first (SLT007, SLT003 for metaclasses), so
# SLT006 is not reported there. Target 3.15 accepts '__dict__' and '__weakref__' on int and
# bytes subclasses: only a second one fails there.


class Number(int):
    __slots__ = ('__dict__', '__dict__')  # expect: SLT007[-py314], SLT006[py315]


class WithDict(int):
    __slots__ = ('__dict__',)  # expect: SLT007[-py314]


class Meta(type):
    __slots__ = ('__dict__',)  # expect: SLT003


class WeakMeta(type):
    __slots__ = ('__weakref__',)  # expect: SLT003
