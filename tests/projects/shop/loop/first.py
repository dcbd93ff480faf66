# no-oracle: an import cycle, which Python refuses; slotlint must stay silent and finish.
from .second import Second


class First(Second):
    __slots__ = ()
