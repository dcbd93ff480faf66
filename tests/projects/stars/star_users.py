# Names that star imports bring in, directly or through a package's re-export.
from zoo import Animal
from zoo.chain import Dog


class Cat(Animal):
    __slots__ = ("purr",)

    def stroke(self):
        self.purr = 1
        self.name = "tom"
        self.tail = 2  # expect: SLT001


class Puppy(Dog):
    __slots__ = ()

    def play(self):
        self.bark = 1
        self.name = "rex"
        self.wag = 3  # expect: SLT001


class Kitten(Cat):
    __slots__ = ("purr",)  # expect: SLT002


Cat().stroke()
Puppy().play()
