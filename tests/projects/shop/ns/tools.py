# ns/ has no __init__.py: a namespace package.
class Tool:
    __slots__ = ("t",)
