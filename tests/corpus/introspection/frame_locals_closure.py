# introspection: f_locals sees cell and free variables; writes update the shared cell
import sys
def outer():
    shared = 1
    def inner():
        fl = sys._getframe().f_locals
        print("inner sees", dict(fl))
        fl["shared"] = 2
        return shared
    fl = sys._getframe().f_locals
    print("outer sees", sorted(fl))
    print(inner(), shared)
    fl["shared"] = 3
    print(inner(), shared)

outer()
def gen():
    x = 1
    yield sys._getframe()
    x = 2
    yield sys._getframe()
g = gen()
f1 = next(g)
print(f1.f_locals["x"], f1.f_lineno)
f2 = next(g)
print(f1 is f2, f2.f_locals["x"], f2.f_lineno)
