# select: SLT020
# Classes whose bases or decorators the analysis cannot see into: their methods may assign the
# slots from elsewhere.
import threading


def decorate(cls):
    return cls


@decorate
class Decorated:
    __slots__ = ('a',)


class Worker(threading.Thread):
    __slots__ = ('job',)


class Custom:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value)


def make_base():
    class Hidden:
        pass
    return Hidden


class FromCall(make_base()):
    __slots__ = ('x',)


Decorated()
Worker()
Custom()
FromCall()
