# The other half of the ring: its public names are what zoo.ring_a binds.
from .ring_a import *
