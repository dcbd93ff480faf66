# Binds `Animal` to a class with a __dict__: star-imported after zoo.animals, it wins.
class Animal:
    pass
