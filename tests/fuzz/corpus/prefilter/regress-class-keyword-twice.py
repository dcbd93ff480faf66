class A(int): pass
class B(str): passs
class
class C(A, B): pass
