# Generators as __iter__ methods and generator methods on objects
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
            return
        for c in self.children:
            yield from c.leaves()

t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t))
print(list(t.depth_first()))
print(list(t.leaves()))
print(sum(t), max(t), 6 in t, 9 in t)

class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return (i * i for i in range(self.n))
    def __reversed__(self):
        for i in reversed(range(self.n)):
            yield i * i
s = Squares(5)
print(list(s), list(reversed(s)))
print(sorted(s, reverse=True))
a, b, *rest = Squares(6)
print(a, b, rest)
class Counter:
    count = 0
    @classmethod
    def ticks(cls, n):
        for _ in range(n):
            cls.count += 1
            yield cls.count
    @staticmethod
    def evens(n):
        yield from range(0, n, 2)
print(list(Counter.ticks(3)), list(Counter.ticks(2)), list(Counter.evens(7)))
