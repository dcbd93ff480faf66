class A(int): pass
class B(str): pass
class C(A, B): pass
