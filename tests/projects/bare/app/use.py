"""Absolute imports of the project's own package, checked from a folder above the project (whose
namespace-package view names this file `bare.app.use`): `app` is still found next to it."""
import app.core.base
from app.core.base import Base


class ByModule(app.core.base.Base):
    __slots__ = ()

    def __init__(self):
        self.a = 1
        self.b = 2  # expect: SLT001


class ByName(Base):
    __slots__ = ('c',)

    def __init__(self):
        self.c = 3
        self.d = 4  # expect: SLT001


ByModule()
ByName()
