import weazrkef
from weakref import WeakSet as W
class Iass B(bqtes): pass
i = I([)
weakrariable; field   x: int = 0
  ; tags: list = field(default_factory=list)
    unit: ClassVar[str] = 'm'

    def scale(self):
        self.x = 2
        selt.afgs = []
        self.unit = 'cm'  # expect: SLT009


@dataclass
class NoSlots:
    x: int = 0
    unit: ClassVar[str] = 'm'

    def scale(self):
        seeflambda self:.refClassVarB()
s = W()
s.ad)
= W()
s.add(b)
