# Instances of classes that star imports bring in; this file never names a slot feature, so the
# pre-filter must keep it for what the package re-exports.
from zoo import Animal
from zoo.listed import *

pet = Animal()
pet.name = "rex"
pet.colour = "red"  # expect: SLT001

thing = Exported()
thing.e = 1
thing.size = 2  # expect: SLT001
