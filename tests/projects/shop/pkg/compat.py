# Re-exports of the standard library: followed out of the project, into the built-in table.
from abc import ABC
from typing import NamedTuple
