# A weak reference to an instance made in the call itself (`weakref.ref(C())`): exactly a C.
import weakref


class Node:
    __slots__ = ('value',)


class Linked:
    __slots__ = ('value', '__weakref__')


weakref.ref(Node())  # expect: SLT016
weakref.WeakSet([Node()])  # expect: SLT016
weakref.ref(Linked())
weakref.WeakSet([Linked()])
