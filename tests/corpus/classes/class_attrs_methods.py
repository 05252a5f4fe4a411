# Class vs instance attributes, staticmethod, classmethod, property, and mutable class attribute pitfalls.
class Counter:
    instances = 0
    shared = []
    def __init__(self):
        Counter.instances += 1
        self.count = 0
    @classmethod
    def make_many(cls, n):
        return [cls() for _ in range(n)]
    @staticmethod
    def describe(x):
        return f'static {x}'
    @property
    def doubled(self):
        return self.count * 2
    @doubled.setter
    def doubled(self, v):
        self.count = v // 2
cs = Counter.make_many(3)
print(Counter.instances, len(cs), Counter.describe(5), cs[0].describe('via instance'))
cs[0].count = 21
print(cs[0].doubled)
cs[1].doubled = 10
print(cs[1].count, cs[1].doubled)
cs[0].shared.append('x')
print(cs[2].shared, Counter.shared)
cs[0].instances = 'shadow'
print(cs[0].instances, cs[1].instances, Counter.instances)
try:
    del cs[0].doubled
except AttributeError as e:
    print(type(e).__name__, e)
