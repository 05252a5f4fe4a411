# reversed() with __reversed__ or __len__+__getitem__, and sequence-like classes
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq(4))), list(Seq(3)), sorted(Seq(3), reverse=True))
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
class NoLen:
    def __getitem__(self, i): return i
try:
    reversed(NoLen())
except TypeError as e:
    print("TypeError:", e)
class NoneRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(NoneRev())
except TypeError as e:
    print("TypeError:", e)
s = Seq(5)
print(max(s), min(s), sum(s), any(s), all(s), enumerate(s).__next__())
print(dict(zip(Seq(3), "abc")), list(map(str, Seq(2))))
x, y, z = Seq(3)
print(x, y, z)
try:
    a, b = Seq(3)
except ValueError as e:
    print("ValueError:", e)
