# introspection: frame.f_locals is a write-through proxy for functions (PEP 667, 3.13)
import sys
def f(a):
    b = a * 2
    fl = sys._getframe().f_locals
    print(type(fl).__name__, sorted(fl.keys()), fl["a"], fl["b"])
    fl["b"] = 100
    print("b after write:", b)
    fl["extra"] = "x"
    print("extra" in fl, fl.get("extra"), fl.get("nope", "default"))
    print(len(fl), "a" in fl, "zzz" in fl)
    snap = locals()
    print(sorted(snap), snap["b"])
    print(dict(fl) == fl.copy(), sorted(fl.items())[:2])
    try:
        fl["missing"]
    except KeyError as e:
        print("KeyError:", e)
    return sys._getframe()

frame = f(3)
print(sorted(frame.f_locals.items())[:3])
mod = sys._getframe()
print(mod.f_locals is globals())
class C:
    here = sys._getframe().f_locals
    inside = 1
print(type(C.here).__name__, "inside" in C.here)
