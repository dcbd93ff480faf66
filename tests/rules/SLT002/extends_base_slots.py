# The `Base.__slots__ + (...)` idiom re-declares every slot of the base in the subclass.


class Base:
    __slots__ = ('a', 'b')


class Extended(Base):
    __slots__ = Base.__slots__ + ('c',)  # expect: SLT002


class Right(Base):
    __slots__ = ('c',)


Extended()
Right()
