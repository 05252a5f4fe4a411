# Uncaught TypeError from calling a class with the wrong number of __init__ arguments.
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __repr__(self):
        return f'Pair({self.a}, {self.b})'
print(Pair(1, 2))
print(Pair('x', [1]), Pair(b=2, a=1))
print(Pair(1))
