# select: SLT012
# Bases the analysis cannot see through give no finding.

def make_base():
    class Hidden:
        pass
    return Hidden


Base = make_base()


class FromCall(Base):
    __slots__ = ('x',)


def decorate(cls):
    return cls


@decorate
class Decorated:
    pass


class FromDecorated(Decorated):
    __slots__ = ('x',)


class Dynamic:
    __slots__ = tuple(['a'])


class FromDynamic(Dynamic):
    __slots__ = ('b',)


FromCall()
FromDecorated()
FromDynamic()
