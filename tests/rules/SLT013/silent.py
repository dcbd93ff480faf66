# Silent: tuples, lists and one-element tuples; a string that is not an identifier (SLT005); a
# string built at run time; a single string folded from a name.


class OneTuple:
    __slots__ = ('value',)


class BareOne:
    __slots__ = 'value',


class OneList:
    __slots__ = ['value']


class NotIdentifier:
    __slots__ = 'a b'  # expect: SLT005


class Formatted:
    __slots__ = f'{"value"}'


class Joined:
    __slots__ = ''.join(['va', 'lue'])


OneTuple().value = 1
BareOne().value = 1
OneList().value = 1
Formatted().value = 1
Joined().value = 1
