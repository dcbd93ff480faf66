"""SLT003: a metaclass cannot have nonempty __slots__."""
import abc


class Registry(type):
    __slots__ = ("members",)  # TypeError: nonempty __slots__ not supported for subtype of 'type'


class PluginMeta(abc.ABCMeta):
    __slots__ = ["hooks"]  # ... subtype of 'ABCMeta'
