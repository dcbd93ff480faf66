# Re-exports: the classes are defined in pkg.models.
from .models import Base, Point
from .models import Meta as PkgMeta
