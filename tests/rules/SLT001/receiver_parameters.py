# The receiver is the first *positional* parameter of a method, whatever its name and whether it
# is positional-only or has a default; a keyword-only parameter named `self` is not the receiver.
# A `self` rebound by a walrus or in a branch is no longer known to be the instance.
import types


class C:
    __slots__ = ('a',)

    def positional_only(self, /):
        self.a = 1
        self.b = 1  # expect: SLT001

    def with_default(self=None):
        self.b = 1  # expect: SLT001

    def keyword_only(*, self):
        self.b = 1  # not the receiver: called as C.keyword_only(self=...)

    def varargs(*args):
        return args

    def walrus(self):
        if (self := types.SimpleNamespace()):
            self.b = 1

    def rebound_in_branch(self, flag):
        if flag:
            self = types.SimpleNamespace()
        self.b = 1


c = C()
c.positional_only()
c.with_default()
C.keyword_only(self=types.SimpleNamespace())
c.varargs()
c.walrus()
c.rebound_in_branch(True)
