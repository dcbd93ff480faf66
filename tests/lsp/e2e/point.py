"""Fixture for the Neovim end-to-end test."""


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.label = f"({x}, {y})"
        self.x = x
        self.y = y
