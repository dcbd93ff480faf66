# requires-python: 3.10
# A @dataclass(slots=True) has no __dict__; a plain @dataclass keeps one.
import dataclasses
from dataclasses import dataclass


@dataclass(slots=True)
class Config:
    name: str = ''
    debug: bool = False

    def to_dict(self):
        return dict(vars(self))  # expect: SLT017


@dataclass
class Plain:
    name: str = ''


def cases():
    config = Config()
    config.__dict__  # expect: SLT017
    dataclasses.asdict(config)
    plain = Plain()
    plain.__dict__
    vars(plain)


Config().to_dict()
cases()
