# A package re-exporting a module's public names by a star import: `from zoo import Animal`.
from .animals import *
