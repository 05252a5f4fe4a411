# iter() and next() with default, exhaustion, iter over dicts/strings, and sentinel form.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
s = iter('ab')
print(next(s), next(s), next(s, '<end>'))
d = iter({'x': 1, 'y': 2})
print(list(d), list(d))
it2 = iter(range(3))
print(iter(it2) is it2, list(it2))
vals = [5, 4, 3, 0, 9]
pos = 0
def take():
    global pos
    v = vals[pos]
    pos += 1
    return v
print(list(iter(take, 0)))
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Count(4)), sum(Count(5)))
try:
    next(iter([]))
except StopIteration as e:
    print('StopIteration', e.args)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next('abc')
except TypeError as e:
    print(type(e).__name__, e)
