# __eq__ that mutates the dict being searched: no crash, CPython's result or error
class Evil:
    def __init__(self, d, h):
        self.d, self.h = d, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
d[Evil(d, 1)] = "a"
k = Evil(d, 1)
print(d.get(k), len(d))
d2 = {}
for i in range(8):
    d2[Evil(d2, 5)] = i
print(len(d2))
class Adder:
    def __init__(self, d): self.d = d
    def __hash__(self): return 3
    def __eq__(self, other):
        for i in range(20):
            self.d[("x", i)] = i
        return False
d3 = {}
d3[Adder(d3)] = 1
a = Adder(d3)
print(a in d3, len(d3) > 1)
s = set()
class SetEvil:
    def __hash__(self): return 1
    def __eq__(self, o):
        s.clear()
        return False
s.add(SetEvil())
print(SetEvil() in s, len(s))
try:
    d4 = {}
    class Mut:
        def __hash__(self): return 1
        def __eq__(self, o):
            d4[len(d4) + 100] = 0
            return False
    d4[Mut()] = 1
    for k in d4:
        Mut() == k
        d4[object()] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
