# A class variable replaced from outside the class body by a data descriptor no longer makes the
# name read-only on instances: what the class binds after that code runs is beyond the analysis.
# A class variable nothing patches still is.


class Connection:
    __slots__ = ('_mode', 'host')
    mode = 'r'
    retries = 3

    def __init__(self, host):
        self.host = host
        self._mode = 'r'

    def reopen(self):
        self.mode = 'w'
        self.retries = 0  # expect: SLT009


def _get_mode(self):
    return self._mode


def _set_mode(self, value):
    self._mode = value


Connection.mode = property(_get_mode, _set_mode)

c = Connection('db')
c.reopen()
c.mode = 'a'
