# A star import of a package whose __init__ re-exports by a star import of its own.
from zoo import *

pet = Animal()
pet.name = "rex"
pet.colour = "red"  # expect: SLT001
