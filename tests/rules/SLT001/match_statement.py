# requires-python: 3.10
# Assignments inside `match` cases are targets like any other.


class Parser:
    __slots__ = ('kind',)

    def feed(self, token):
        match token:
            case int():
                self.kind = 'int'
                self.value = token  # expect: SLT001
            case str(text):
                self.kind = 'str'
                self.text = text  # expect: SLT001
            case _:
                self.kind = None


p = Parser()
p.feed(1)
p.feed('a')
p.feed(None)
