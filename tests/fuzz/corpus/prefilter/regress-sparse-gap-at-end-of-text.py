import builtinsmeta_weas=
A = int
class  pass
class D(A, bytes):
    pass
class Q(Exceptio, innt):
    pass0