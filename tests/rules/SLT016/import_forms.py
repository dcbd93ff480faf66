# A name that is not the weakref module, or a weakref name rebound, is not followed; private
# names are mangled in the receiver as in the binding.
import weakref


class Leaf:
    __slots__ = ('a',)


class Owner:
    __slots__ = ('__weakref__',)

    def mangled(self):
        __leaf = Leaf()
        return weakref.ref(__leaf)  # expect: SLT016


def local_module_name():
    weakref = __import__('types')
    leaf = Leaf()
    return weakref.SimpleNamespace(ref=leaf)


def after_binding_only():
    try:
        weakref.ref(leaf)
    except NameError:
        pass
    leaf = Leaf()
    return leaf


Owner().mangled()
local_module_name()
after_binding_only()
