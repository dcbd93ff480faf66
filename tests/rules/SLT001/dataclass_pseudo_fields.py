# requires-python: 3.10
# Not every annotation of a @dataclass(slots=True) becomes a slot: InitVar pseudo-fields, ClassVar
# annotations and the KW_ONLY marker do not.
from dataclasses import InitVar, KW_ONLY, dataclass, field
from typing import ClassVar


@dataclass(slots=True)
class Connection:
    host: str
    password: InitVar[str]
    _: KW_ONLY
    port: int = 0
    retries: int = field(default=3)
    instances: ClassVar[int] = 0

    def __post_init__(self, password):
        self.port = self.port or 22
        self.password = password  # expect: SLT001


Connection('h', 'secret', port=1)
