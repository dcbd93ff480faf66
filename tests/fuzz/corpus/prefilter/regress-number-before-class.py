0class C 
(   int,  # a comment ) with a bracket
    str,
):
    pass
class E(+SError, SyntaxError):
    pass
