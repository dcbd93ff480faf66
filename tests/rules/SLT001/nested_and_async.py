# Classes at any nesting level are analysed, and methods of every kind have a receiver: async
# methods, generators, methods of a class defined in a function or in an `if`.
import sys


def factory():
    class Local:
        __slots__ = ('a',)

        def __init__(self):
            self.a = 1
            self.b = 2  # expect: SLT001

    return Local()


if sys.version_info >= (3, 0):
    class InBranch:
        __slots__ = ('a',)

        def __init__(self):
            self.a = 1
            self.b = 2  # expect: SLT001


class Worker:
    __slots__ = ('state',)

    async def run(self):
        self.state = 'running'
        self.started = True  # expect: SLT001

    def steps(self):
        self.state = 'stepping'
        yield 1
        self.step = 2  # expect: SLT001
        yield 2

    def late(self):
        self.later = 1  # expect: SLT001


class LateSlots:
    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001

    __slots__ = ('a',)  # where in the body it is written does not matter


factory()
InBranch()
w = Worker()
try:
    w.run().send(None)
except StopIteration:
    pass
list(w.steps())
w.late()
LateSlots()
