# Results of __contains__, __eq__ and __len__ are converted as CPython does
class C:
    def __contains__(self, x): return x  # truthiness of the result
print(1 in C(), 0 in C(), "" in C(), [1] in C(), None not in C())
class BadContains:
    def __contains__(self, x):
        raise KeyError("inside contains")
try:
    1 in BadContains()
except KeyError as e:
    print("KeyError:", e)
class E:
    def __init__(self, r): self.r = r
    def __eq__(self, o): return self.r
print([E(1)].count(0), [E(0)].count(0), E([]) in [1], [E("x")].index(5))
class BadEq:
    def __eq__(self, o): raise ValueError("eq fails")
try:
    [BadEq()].index(1)
except ValueError as e:
    print("ValueError:", e)
try:
    BadEq() in [1, 2]
except ValueError as e:
    print("ValueError:", e)
x = BadEq()
print(x in [x], [x] == [x], (x,) == (x,))
class NonBool:
    def __eq__(self, o): return [1]
    def __bool__(self): return True
print(NonBool() == 1, bool(NonBool() == 1), NonBool() != 1)
