from .shapes import Shape as Shape
from .colours import Colour
