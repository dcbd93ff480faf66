import builtins
A = int
class C(builtins.int, builtins.str):
    pass
class D(A, bytes):
    pass
class Q(Exception, int):
    pass
