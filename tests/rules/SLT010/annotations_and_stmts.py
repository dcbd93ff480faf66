# A name deleted in a `for`-less, `with`-less plain `del`; names deleted inside closures of the
# method still have `self` as the receiver; a deletion inside a class body is not an instance one.


class Node:
    __slots__ = ('value',)
    tmp = 1
    del tmp  # a class-body deletion: the class variable is gone

    def cut(self):
        def inner():
            del self.parent  # expect: SLT010
        inner()

    def cut_tmp(self):
        del self.tmp  # expect: SLT010

    def cut_lambda(self):
        f = lambda: self.__delattr__('value')
        try:
            f()
        except AttributeError:
            pass


class Other:
    __slots__ = ('x',)

    def drop(self, other: Node):
        self.x = 1
        del self.x
        del other.next  # expect: SLT010


Node().cut()
Node().cut_tmp()
Node().cut_lambda()
Other().drop(Node())
