class C(
    int,  # a comment ) with a bracket
    str,
):
    pass
class E(OSError, SyntaxError):
    pass
