# Instances of classes of other modules of the project made in the statement itself: `C(...)` is
# exactly a C. Checked alone (the other modules outside the run), the pre-filter keeps this file
# for the calls of names it imports: it has no `x = C(...)`.
import weakref

from pkg import Point
from pkg.models import Plain

Point().z = 4  # expect: SLT001
weakref.ref(Point())  # expect: SLT016
vars(Point())  # expect: SLT017
Plain().anything = 1
weakref.ref(Plain())
