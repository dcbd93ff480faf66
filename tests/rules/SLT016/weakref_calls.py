# weakref.ref / proxy / finalize / KeyedRef of an instance without __weakref__, with the weakref
# names reached through every kind of import, on each receiver: `self`, a local bound to `C(...)`,
# a parameter annotated `: C`.
import weakref
import weakref as wr
from weakref import ref as make_ref, proxy, finalize


class Node:
    __slots__ = ('parent', 'children')

    def __init__(self):
        self.parent = None
        self.children = []

    def watch(self):
        weakref.finalize(self, print, 'gone')  # expect: SLT016

    def handle(self):
        return weakref.ref(self)  # expect: SLT016

    def closure(self):
        def inner():
            return make_ref(self)  # expect: SLT016
        return inner()


def local_instance():
    node = Node()
    weakref.ref(node)  # expect: SLT016
    wr.proxy(node)  # expect: SLT016
    make_ref(node)  # expect: SLT016
    proxy(node, print)  # expect: SLT016
    finalize(node, print)  # expect: SLT016
    weakref.KeyedRef(node, None, 'key')  # expect: SLT016
    weakref.ref(
        node,  # expect: SLT016
        None,
    )


def annotated(node: Node):
    return weakref.ref(node)  # expect: SLT016


def annotated_string(node: 'Node'):
    return weakref.proxy(node)  # expect: SLT016


module_node = Node()
module_node_ref = weakref.ref(module_node)  # expect: SLT016

Node().watch()
Node().handle()
Node().closure()
local_instance()
annotated(Node())
annotated_string(Node())
