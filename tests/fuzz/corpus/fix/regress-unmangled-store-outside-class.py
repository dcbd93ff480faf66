class Plain:
    __slots__ = ('__secret',)


p = Plain()
p.__secret = 6
