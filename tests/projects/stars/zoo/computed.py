# A computed __all__: which names a star import takes is unknown to the analysis.
__all__ = [n for n in ("Other",)]


class Dyn:
    __slots__ = ("d",)


class Other:
    pass
