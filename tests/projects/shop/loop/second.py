# no-oracle: an import cycle, which Python refuses; slotlint must stay silent and finish.
from .first import First
from loop import Again


class Second(First):
    __slots__ = ("s",)

    def __init__(self):
        self.t = 1


class Third(Again):
    __slots__ = ()

    def __init__(self):
        self.u = 1
