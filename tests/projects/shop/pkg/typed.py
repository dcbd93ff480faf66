# The runtime slots are computed; the stub next to this module says what they are.
class Typed:
    __slots__ = tuple(["a"])
