# Re-exports of the standard library's decorators and metaclasses.
from abc import ABCMeta
from dataclasses import dataclass
from functools import total_ordering
