# A name declared twice in the same __slots__: no error, but a wasted pointer per instance. The
# second declaration is reported; private names are compared after mangling.


class Vector:
    __slots__ = ('x', 'y', 'x')  # expect: SLT011


class InList:
    __slots__ = ['a', 'a']  # expect: SLT011


class Bare:
    __slots__ = 'a', 'b', 'b'  # expect: SLT011


class Multiline:
    __slots__ = (
        'name',
        'age',
        'name',  # expect: SLT011
    )


class Mangled:
    __slots__ = ('__token', '_Mangled__token')  # expect: SLT011


class Thrice:
    __slots__ = ('t', 't', 't')  # expect: SLT011


class Extended:
    __slots__ = ('a',)
    __slots__ += ('b', 'a')  # expect: SLT011


Vector().x = 1
InList().a = 1
Bare().b = 1
Multiline().name = 'n'
Mangled()
Thrice().t = 1
Extended().b = 1
