# A base name resolves in the scope of the class statement: a function-local class shadows a
# module-level class of the same name.


class A:
    __slots__ = ('x',)


def local_base():
    class A:
        __slots__ = ()

    class B(A):
        __slots__ = ('x',)  # the local A has no 'x'
    return B


def module_base():
    class B(A):
        __slots__ = ('x',)  # expect: SLT002
    return B


local_base()()
module_base()()
