# A name the class binds as a plain class attribute (a literal, a method, a nested class) cannot be
# assigned or deleted on an instance without __dict__: "'C' object attribute 'v' is read-only".


class Config:
    __slots__ = ('name',)
    retries = 3
    tags = ('a', 'b')
    limits = {'max': 10}

    def __init__(self, name, retries):
        self.name = name
        self.retries = retries  # expect: SLT009

    def bump(self):
        self.retries += 1  # expect: SLT009

    def retag(self):
        self.tags: tuple = ()  # expect: SLT009

    def unlimit(self):
        for self.limits in [{}]:  # expect: SLT009
            pass


class Handler:
    __slots__ = ()

    class Inner:
        pass

    def handle(self):
        return 1

    def patch(self):
        self.handle = lambda: 2  # expect: SLT009

    def nest(self):
        self.Inner = None  # expect: SLT009


class Pair:
    __slots__ = ('a',)
    b = 0

    def swap(self):
        self.a, self.b = 1, 2  # expect: SLT009


def configure(cfg: Config):
    cfg.retries = 5  # expect: SLT009


Config('x', 1)
c = Config('y', 2)
c.bump()
c.retag()
c.unlimit()
c.tags = ()  # expect: SLT009
configure(c)
h = Handler()
h.patch()
h.nest()
Pair().swap()
