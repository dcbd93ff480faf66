# `del self.x` in the body of a `try` whose handler catches AttributeError does not raise out of
# the `try` (the code clears what may not be there): silent. Outside such a `try`, or with handlers
# for other exceptions only, it raises.
class Node:
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value

    def forget(self):
        try:
            del self.cached
        except AttributeError:
            pass
        try:
            del self.value, self.parent
        except (KeyError, AttributeError):
            pass

    def forget_wrongly(self):
        try:
            del self.cached  # expect: SLT010
        except KeyError:
            pass


n = Node(1)
n.forget()
n.forget_wrongly()
