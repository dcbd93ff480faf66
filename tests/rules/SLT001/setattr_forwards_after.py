# A __setattr__ (or __delattr__) that does something first and then always forwards the name and
# value unchanged, as its last statement, to super().__setattr__ or object.__setattr__ stores only
# what the slots take: expressions, assignments to locals and `if` blocks of those before it skip
# nothing. One that may return first, rebinds a parameter, or stores some other way decides for
# itself: silent.
_tags = {}


def validate(value):
    if value is None:
        raise ValueError('x cannot be None')


class Point:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 2
        self.z = 3  # expect: SLT001

    def __setattr__(self, name, value):
        if name == 'x':
            validate(value)
        super().__setattr__(name, value)


class Logged:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        """Notes every store."""
        label = 'set ' + name
        if label:
            pass
        elif name:
            label = label.strip()
        else:
            label = ''
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        note = name.upper()  # noqa: F841
        return super().__delattr__(name)

    def go(self):
        self.a = 1
        self.b = 2  # expect: SLT001
        del self.a
        del self.c  # expect: SLT010


class Tagged:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        if name == 'tag':
            _tags[id(self)] = value
            return
        super().__setattr__(name, value)

    def go(self):
        self.tag = 1


class Renamed:
    __slots__ = ('a',)

    def __setattr__(self, name, value):
        if name.startswith('_'):
            name = 'a'
        super().__setattr__(name, value)

    def go(self):
        self._hidden = 1


Point()
Logged().go()
Tagged().go()
Renamed().go()
