"""A project without a configuration file: its root is only what the package folders say."""


class Base:
    __slots__ = ('a',)
