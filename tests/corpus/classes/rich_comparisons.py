# Rich comparisons, reflection, __ne__ default from __eq__, identity fallback
class N:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, getattr(o, "v", o))
        if not isinstance(o, N): return NotImplemented
        return self.v < o.v
a, b = N(1), N(2)
print(a == b, a != b, a < b, a > b)
print(a == 1, 1 == a, a != 1)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
class S(N):
    def __gt__(self, o):
        print("S.gt")
        return "S.gt result"
print(N(1) < S(2))
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
print(max([N(3), N(1), N(2)]).v)
class Plain: pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is not q)
try:
    p < q
except TypeError as e:
    print("TypeError:", e)
print([N(1)] == [N(1)], (N(2),) != (N(2),), N(1) in [N(0), N(1)])
class Weird:
    def __eq__(self, o): return "truthy"
print(Weird() == 1, Weird() != 1, [Weird()] == [1])
