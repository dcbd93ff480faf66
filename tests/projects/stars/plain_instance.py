# An instance of a class imported from another module by name, in a file that names no slot
# feature: checked alone, the pre-filter keeps it for the module it reads from.
from zoo.animals import Animal

pet = Animal()
pet.name = "rex"
pet.colour = "red"  # expect: SLT001
