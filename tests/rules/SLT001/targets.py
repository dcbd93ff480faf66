# Every form of assignment target stores into the attribute: plain, chained, augmented, annotated
# with a value, tuple/list/starred unpacking (nested too), for targets and with ... as targets.
# An annotation without a value stores nothing and raises nothing.
import contextlib


class Account:
    __slots__ = ('owner', 'balance', 'history')

    def __init__(self):
        self.owner = 'ada'
        self.balance = 0
        self.history = []

    def plain(self):
        self.note = 'x'  # expect: SLT001

    def chained(self):
        self.balance = self.total = 1  # expect: SLT001

    def augmented(self):
        self.balance += 1
        self.count += 1  # expect: SLT001

    def annotated(self):
        self.balance: int = 5
        self.rate: float = 0.5  # expect: SLT001
        self.pending: int

    def unpacking(self):
        self.owner, self.balance = 'bob', 1
        self.owner, self.currency = 'bob', 'EUR'  # expect: SLT001
        [self.balance, self.limit] = [1, 2]  # expect: SLT001
        self.owner, *self.history = 'eve', 1, 2
        self.owner, *self.rest = 'eve', 1, 2  # expect: SLT001
        *self.parts, self.owner = 1, 2, 'eve'  # expect: SLT001
        [*self.collected] = [1, 2]  # expect: SLT001
        [self.owner, *self.history] = ['eve', 3]
        (self.owner, (self.balance, self.inner)) = ('x', (1, 2))  # expect: SLT001

    def multiline_unpacking(self):
        (self.owner,
         self.balance,
         self.spill) = ('a', 1, 2)  # expect: SLT001

    def loops(self):
        for self.balance in range(2):
            pass
        for self.cursor in range(2):  # expect: SLT001
            pass
        for self.owner, self.tag in [('a', 1)]:  # expect: SLT001
            pass

    def context(self):
        with contextlib.nullcontext(1) as self.balance:
            pass
        with contextlib.nullcontext(1) as self.handle:  # expect: SLT001
            pass
        with contextlib.nullcontext((1, 2)) as (self.balance, self.pair):  # expect: SLT001
            pass

    def not_targets(self):
        self.history.append(1)  # a call on a slot's value
        self.history[0] = 2  # a subscript of a slot's value
        self.balance = self.history[0]
        x = self.owner
        return x


a = Account()
a.plain()
a.chained()
a.augmented()
a.annotated()
a.unpacking()
a.multiline_unpacking()
a.loops()
a.context()
a.not_targets()
