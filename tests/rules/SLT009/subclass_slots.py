# Code in a base may rely on a slot its subclasses declare: `self` there can be an instance of
# any of them. An instance of the base itself still fails.


class Defaults:
    __slots__ = ()
    level = 0  # the default, read through the class

    def set_level(self, value):
        self.level = value  # a Leveled instance stores it in its slot


class Leveled(Defaults):
    __slots__ = ('level',)


def configure(d: Defaults):
    d.level = 2  # may be a Leveled


Leveled().set_level(1)
configure(Leveled())
base = Defaults()
base.level = 3  # expect: SLT009
