import weakref
from weakref import WeakSet as W
class I(int): pass
class B(bytes): pass
i = I()
weakref.ref(i)
b = B()
s = W()
s.add(b)
