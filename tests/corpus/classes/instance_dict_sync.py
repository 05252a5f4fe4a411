# __dict__ materialized on demand stays in sync with attribute access both ways
class P:
    pass
p = P()
p.a = 1
p.b = 2
d = p.__dict__
print(d)
d["c"] = 3
print(p.c)
p.d = 4
print(d, d is p.__dict__)
del d["a"]
print(hasattr(p, "a"), sorted(vars(p)))
vars(p)["e"] = 5
print(p.e, vars(p) is p.__dict__)
p.__dict__ = {"z": 26}
print(p.z, hasattr(p, "b"), vars(p))
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
q = P()
print(q.__dict__, vars(q))
q.x = 1
del q.x
print(q.__dict__)
try:
    del q.x
except AttributeError as e:
    print("AttributeError:", e)
print(vars(P)["__module__"], "__dict__" in vars(P))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
