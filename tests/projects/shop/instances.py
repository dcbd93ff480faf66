# Instances of classes of other modules of the project, made here with `C(...)`: an instance of
# exactly that class, so what it cannot hold is known.
import weakref

import pkg.models
from pkg import Point
from pkg.models import Base, Opaque, Plain
from pkg.quiet import Quiet
from pkg.typed import Typed
from ns.tools import Tool


def stores():
    p = Point()
    p.x = 1
    p.z = 3  # expect: SLT001
    b = pkg.models.Base()
    b.name = "ok"
    b.nick = "no"  # expect: SLT001
    del b.nick  # expect: SLT010
    t = Tool()
    t.t = 1
    t.handle = 2  # expect: SLT001


def layout():
    p = Point()
    vars(p)  # expect: SLT017
    p.__dict__  # expect: SLT017
    weakref.ref(p)  # expect: SLT016


def unknown_is_silent():
    # Without __slots__: a __dict__ takes anything.
    pl = Plain()
    pl.anything = 1
    vars(pl)
    weakref.ref(pl)
    # Slots the analysis cannot fold: silent.
    o = Opaque()
    o.a = 1
    # The stub leaves the slots out: whether instances have a __dict__ is unknown.
    q = Quiet()
    q.q = 1
    # The stub says what the computed slots are.
    ty = Typed()
    ty.a = 1


def annotated(p: Point, b: Base):
    # A parameter may hold an instance of a subclass in any module: silent.
    p.z = 1
    b.nick = 1


def rebound():
    p = Point()
    p = Plain()
    p.z = 1  # bound twice: which class is unknown


stores()
layout()
unknown_is_silent()
rebound()
