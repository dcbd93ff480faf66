# requires-python: 3.10
# A class of the project made slotted by a decorator this module imports from another one.
from .compat import dataclass


@dataclass(slots=True)
class Record:
    key: int = 0
