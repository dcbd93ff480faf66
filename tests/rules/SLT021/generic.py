# NamedTuple with Generic: a TypeError of its own on 3.9 and 3.10 ("Multiple inheritance with
# NamedTuple is not supported"), allowed from 3.11 (and not yet checked on 3.8).
from typing import Generic, NamedTuple, TypeVar

T = TypeVar('T')

try:
    class Box(NamedTuple, Generic[T]):
        item: T
        __slots__ = ()  # expect: SLT021[-py38], SLT021[py311-]
except TypeError:
    pass
