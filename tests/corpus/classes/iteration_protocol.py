# __iter__/__next__, old-style __getitem__ iteration, iter() errors
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 2 for x in Count(2)])
class Old:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Old()), 9 in Old(), tuple(iter(Old())))
a, b, *c = Old()
print(a, b, c)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in BadIter(): pass
except TypeError as e:
    print("TypeError:", e)
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class NoneIter:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(NoneIter())
except TypeError as e:
    print("TypeError:", e)
it = Count(2)
print(next(it), next(it), next(it, "done"))
try:
    next(NotIter())
except TypeError as e:
    print("TypeError:", e)
class Sentinel:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Sentinel(), 4)))
