# NamedTupleMeta checks the field order, then the field names, then the body's names in order:
# when another of those fails first, the error is not this rule's.
from typing import NamedTuple

try:
    class InitFirst(NamedTuple):
        x: int

        def __init__(self):  # "Cannot overwrite NamedTuple attribute __init__" comes first
            pass

        __slots__ = ()
except AttributeError:
    pass

try:
    class Underscore(NamedTuple):
        _x: int  # "Field names cannot start with an underscore: '_x'"
        __slots__ = ()
except ValueError:
    pass

try:
    class Order(NamedTuple):
        x: int = 0
        y: int  # "Non-default namedtuple field y cannot follow default field x"
        __slots__ = ()
except TypeError:
    pass

try:
    class OrderAnnotated(NamedTuple):
        a: int = 0
        __slots__: tuple = ()  # expect: SLT021[-py38]
        b: int  # from 3.9 the order (broken by `a` as much as by __slots__) is checked first
except (TypeError, ValueError):
    pass
