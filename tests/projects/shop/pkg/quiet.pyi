# Like typeshed's stubs, this one leaves out the __slots__ the class has at run time.
class Quiet:
    q: int
