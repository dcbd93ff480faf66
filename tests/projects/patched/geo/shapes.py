from .base import Shape

__all__ = ['Circle', 'Square']


class Circle(Shape):
    __slots__ = ('radius',)

    def __init__(self, r):
        super().__init__('circle')
        self.radius = r


class Square(Shape):
    def __init__(self, s):
        super().__init__('square')
        self.side = s
