# Names the compiler puts in every class namespace conflict like class variables: '__module__'
# always, '__doc__' when the body starts with a docstring, '__annotations__' when the body
# annotates a name (up to 3.13), '__firstlineno__' and '__static_attributes__' from 3.13.


class Module:
    __slots__ = ('__module__',)  # expect: SLT004


class Documented:
    """A class with a docstring."""
    __slots__ = ('__doc__',)  # expect: SLT004


class ConcatenatedDocstring:
    'one' "docstring"
    __slots__ = ('__doc__',)  # expect: SLT004


class Annotated:
    count: int  # expect: SLT019[py314-]
    __slots__ = ('__annotations__',)  # expect: SLT004[-py313]


class FirstLine:
    __slots__ = ('__firstlineno__',)  # expect: SLT004[py313-]


class StaticAttributes:
    __slots__ = ('__static_attributes__',)  # expect: SLT004[py313-]
