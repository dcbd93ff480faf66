# selftest: fail :4: unexpected TypeError: nonempty __slots__ not supported for subtype of 'type' \(statement on lines 4-5\)
# A class statement that CPython rejects, with no expectation on its __slots__ line.

class M(type):
    __slots__ = ('foo',)
