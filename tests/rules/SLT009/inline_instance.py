# A store on an instance made in the statement itself, where a class attribute of the name shadows
# (read-only): exactly an instance of the class called.


class Config:
    __slots__ = ('name',)
    retries = 3


class Loose:
    retries = 3


Config().retries = 1  # expect: SLT009
Loose().retries = 1
