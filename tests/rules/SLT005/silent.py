# Silent: entries computed at run time, identifiers outside ASCII (Unicode tables differ between
# interpreters), keywords (str.isidentifier() accepts them), and empty or valid values.
import sys

NAMES = ('a', 'b')


def names():
    return ['c']


class Computed:
    __slots__ = names()


class FromName:
    __slots__ = NAMES


class Formatted:
    __slots__ = (f'{"d"}',)


class Keyword:
    __slots__ = ('class', 'def')


class Accented:
    __slots__ = ('café', 'ﬁle')


class OtherIdStart:
    __slots__ = ('\u2118',)  # SCRIPT CAPITAL P: an identifier for CPython (Other_ID_Start)


class MiddleDot:
    __slots__ = ('a\u00b7b',)  # MIDDLE DOT: an identifier character (Other_ID_Continue)


class EmptyTuple:
    __slots__ = ()


class EmptyBytes:
    __slots__ = b''


class EmptyDict:
    __slots__ = {}


class Conditional:
    if sys.version_info >= (3,):
        __slots__ = ('e',)
    else:
        __slots__ = None


Computed().c = 1
FromName().a = 1
Formatted().d = 1
Accented().café = 1
Conditional().e = 1
