"""A second file of the Neovim end-to-end test's project: it shares the first one's client."""
class Size:
    __slots__ = ("w",)
    def __init__(self):
        self.h = 0
