# introspection: globals(), locals() snapshots in functions (PEP 667), vars() and dir()
x = 1
def f(a):
    b = 2
    snap = locals()
    b = 3
    print(sorted(snap.items()))
    snap["b"] = 99
    print(b, sorted(locals()))
    print(locals() is locals())
    return snap

f(0)
g = globals()
print(g is globals(), g["x"], "__name__" in g, g["__name__"])
g["new_name"] = 7
print(new_name)
print(locals() is globals())

class C:
    attr = 1
    print("class body locals:", sorted(k for k in locals() if not k.startswith("__")))
    def m(self):
        pass

obj = C()
obj.y = 5
print(vars(obj), sorted(k for k in vars(C) if not k.startswith("__")))
print(sorted(dir(obj))[-3:])
def h():
    inner_var = 1
    return dir()
print(h())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
vars(1, 2)
