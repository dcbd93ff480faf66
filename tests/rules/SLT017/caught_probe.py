# vars(c) and c.__dict__ where the code catches what they raise probe the instance on purpose:
# nothing raises out of the `try`. A handler for something else does not silence them.
class Leaf:
    __slots__ = ('a',)


def state(leaf: Leaf):
    try:
        return vars(leaf)
    except TypeError:
        pass
    try:
        return leaf.__dict__
    except AttributeError:
        pass
    try:
        return dict(leaf.__dict__)
    except Exception:
        return {}


def state_wrongly(leaf: Leaf):
    try:
        return vars(leaf)  # expect: SLT017
    except AttributeError:
        return {}


state(Leaf())
try:
    state_wrongly(Leaf())
except TypeError:
    pass
