# A store in the body of a `try` whose handlers catch AttributeError (by name, in a tuple, as
# Exception or BaseException, or a bare `except:`) is the code probing the instance on purpose: it
# does not raise out of the `try`, so it is silent. A store in the else, finally or a handler, one
# in a `try` whose handlers catch other exceptions only, and one in a function defined in the body
# (it runs later) are not caught there.
class Cache:
    __slots__ = ('size',)
    kind = 'lru'

    def __init__(self, size):
        self.size = size

    def probe(self, v):
        try:
            self.cache = v
        except AttributeError:
            pass

    def probe_tuple(self, v):
        try:
            self.cache = v
            object.__setattr__(self, 'extra', v)
        except (TypeError, AttributeError) as exc:
            self.size = str(exc)

    def probe_broad(self, v):
        try:
            self.cache = v
        except Exception:
            pass
        try:
            self.kind = v               # read-only: caught all the same
        except BaseException:
            pass
        try:
            if v:
                for _ in range(1):
                    self.cache = v      # nested blocks run inside the try
        except:  # noqa: E722
            pass

    def else_and_finally(self, v):
        try:
            pass
        except AttributeError:
            pass
        else:
            self.cache = v  # expect: SLT001
        try:
            pass
        except AttributeError:
            pass
        finally:
            self.other = v  # expect: SLT001

    def in_handler(self, v):
        try:
            int('x')
        except ValueError:
            self.cache = v  # expect: SLT001

    def other_exceptions(self, v):
        try:
            self.cache = v  # expect: SLT001
        except (TypeError, ValueError):
            pass

    def later(self, v):
        try:
            def store():
                self.cache = v  # expect: SLT001
        except AttributeError:
            store = None
        store()


c = Cache(1)
c.probe(2)
c.probe_tuple(3)
c.probe_broad(4)
c.else_and_finally(5)
c.in_handler(6)
c.other_exceptions(7)
c.later(8)
