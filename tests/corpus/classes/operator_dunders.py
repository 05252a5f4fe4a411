# Every binary operator dunder with its reflected and in-place forms
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
ops = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "xor", "or"]
def make(name):
    def f(self, other): return f"{name}({self!r},{other!r})"
    return f
for op in ops:
    setattr(V, f"__{op}__", make(op))
    setattr(V, f"__r{op}__", make("r" + op))
a = V(1)
print(a + 1, a - 1, a * 1, a @ 1, a / 1, a // 1, a % 1, a ** 1)
print(a << 1, a >> 1, a & 1, a ^ 1, a | 1)
print(1 + a, 1 - a, 1 * a, 1 @ a, 1 / a, 1 // a, 1 % a, 1 ** a)
print(1 << a, 1 >> a, 1 & a, 1 ^ a, 1 | a)
print(divmod(7, 2), pow(a, 2))
x = V(2)
x += 5
print(x)
class W(V):
    def __iadd__(self, other):
        self.v += other
        return self
    def __imul__(self, other):
        return NotImplemented
w = W(1)
w += 10
print(w, type(w).__name__)
w *= 3
print(w)
print(-V.__dict__.get("__neg__", lambda s: 0)(a))
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
u = U()
print(-u, +u, ~u, abs(u))
try:
    not_supported = u + u
except TypeError as e:
    print("TypeError:", e)
try:
    u += 1
except TypeError as e:
    print("TypeError:", e)
