# After an early exit that leaves the block unless the instance has a __dict__
# (`if not hasattr(obj, '__dict__'): return`, or raise, continue, break; `not getattr(obj,
# '__dict__', None)`, `getattr(obj, '__dict__', None) is None`, also as a term of an `or`), the
# rest of that block stores on obj only where it can: silent, for that receiver. Stores before the
# guard, after a guard that does not always leave, on another receiver, or after the block ends
# are still checked. `getattr(obj, '__dict__', None) is not None` guards its body as hasattr does.
class Record:
    __slots__ = ('id',)

    def __init__(self, id):
        self.id = id

    def tag(self, label):
        if not hasattr(self, '__dict__'):
            return
        self.label = label

    def tag_or_fail(self, label):
        self.early = label  # expect: SLT001
        if label is None or not getattr(self, '__dict__', None):
            raise TypeError('instances take no new attributes')
        self.label = label

    def tag_all(self, others, label):
        for other in others:
            if getattr(self, '__dict__', None) is None:
                continue
            self.label = other
            other.stamp = label
        self.after = label  # expect: SLT001

    def tag_first(self, labels):
        while labels:
            label = labels.pop()
            if not hasattr(self, '__dict__'):
                break
            self.label = label

    def tag_if_open(self, label):
        if getattr(self, '__dict__', None) is not None:
            self.label = label

    def not_always(self, label, strict):
        if not hasattr(self, '__dict__'):
            if strict:
                return
        self.label = label  # expect: SLT001

    def wrong_probe(self, label):
        if not hasattr(self, 'id'):
            return
        self.label = label  # expect: SLT001


class Open:
    pass


r = Record(1)
r.tag('a')
try:
    r.tag_or_fail('b')
except TypeError:
    pass
r.tag_all([Open(), r], 'c')
r.tag_first(['d'])
r.tag_if_open('e')
r.not_always('f', False)
r.wrong_probe('g')
