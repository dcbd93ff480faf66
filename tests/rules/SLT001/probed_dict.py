# A store in the body of `if hasattr(obj, '__dict__'):` (or `getattr(obj, '__dict__', None)`,
# alone or as a term of an `and`) runs only where the instance can take the name: silent, for
# that receiver. The else branch, another receiver, or a probe of another name are not guarded.
import types


class Shape:
    __slots__ = ('sides',)
    label = 'shape'

    def __init__(self, sides):
        self.sides = sides

    def remember(self, area):
        if hasattr(self, '__dict__'):
            self.area = area            # only when a subclass gave instances a __dict__

    def relabel(self, text):
        if text and getattr(self, '__dict__', None):
            self.label = text           # the instance dict then takes it

    def fallback(self, area):
        if hasattr(self, '__dict__'):
            pass
        else:
            self.area = area  # expect: SLT001

    def unguarded(self, area):
        if hasattr(self, 'area'):
            return
        self.area = area  # expect: SLT001

    def other_receiver(self, other):
        if hasattr(other, '__dict__'):
            self.area = 1  # expect: SLT001


def annotate(s: Shape, note):
    if hasattr(s, '__dict__'):
        s.note = note
        object.__setattr__(s, 'extra', note)


s = Shape(3)
s.remember(1.0)
s.relabel('tri')
s.fallback(2.0)
s.unguarded(3.0)
s.other_receiver(types.SimpleNamespace())
annotate(s, 'n')
