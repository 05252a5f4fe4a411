# __getitem__/__setitem__/__delitem__ with slices, __contains__, __len__, __missing__
class Seq:
    def __init__(self): self.data = list(range(10))
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step, self.data[i])
        return self.data[i]
    def __setitem__(self, i, v):
        print("set", i, v)
    def __delitem__(self, i):
        print("del", i)
    def __len__(self): return len(self.data)
s = Seq()
print(s[2], s[-1], s[1:4], s[::3], s[1:8:2], s[:])
s[0] = "a"
s[1:3] = [9]
del s[5]
del s[::2]
print(s[slice(2, None)])
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)
class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == 3
print(3 in Contains(), 4 not in Contains())
class ByIter:
    def __iter__(self): return iter([1, 2, 3])
print(2 in ByIter(), 5 in ByIter())
print(5 in s, 12 in s)
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(d["a"], d["zz"], d.get("q"))
class NoItems: pass
try:
    NoItems()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoItems()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoItems()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    1 in NoItems()
except TypeError as e:
    print("TypeError:", e)
