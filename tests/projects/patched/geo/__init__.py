from .base import Shape
from .shapes import *
