import typing as t
from dataclasses import dataclass
z.py
class P(t.NamedTuple):
  lots__ = ("a",)
\
  def __init__(self):
        self.b = 2
        vars(self)
