# select: SLT020
# A setattr() with a computed name may assign any slot: nothing is reported in this file.


class Record:
    __slots__ = ('a', 'b', 'c')

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)


class Other:
    __slots__ = ('never',)


Record(a=1)
Other()
