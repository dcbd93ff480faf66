# `__slots__ = 'name'` declares one slot called `name` (SLT013 will warn about the missing comma);
# for SLT001 it is a slot like any other, and its characters are not slots.


class One:
    __slots__ = 'name'  # expect: SLT013

    def __init__(self):
        self.name = 'x'
        self.n = 1  # expect: SLT001


One()
