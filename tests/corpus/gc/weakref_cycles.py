# weak references to cyclic garbage are cleared (callbacks run) before finalizers
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name
        self.cycle = self

    def __del__(self):
        print("__del__", self.name, "ref alive:", wr() is not None)


gc.collect()
o = Obj("o")
wr = weakref.ref(o, lambda r: print("callback, referent:", r()))
del o
print("collect:", gc.collect())
print("ref after:", wr())

# a weak reference that is itself garbage does not call back
class Holder:
    pass

h = Holder()
h.self = h
h.ref = weakref.ref(h, lambda r: print("never printed"))
del h
print("holder:", gc.collect())

# WeakValueDictionary entries of cyclic garbage vanish after collect
d = weakref.WeakValueDictionary()
class V:
    pass
v = V()
v.loop = v
d["v"] = v
del v
print("before:", len(d))
gc.collect()
print("after:", len(d))

# classes are collectable too (their methods refer back to them)
def make():
    class Local:
        x: int = 1
        def method(self):
            return __class__
    return weakref.ref(Local)

cr = make()
print("class alive before collect:", cr() is not None)
gc.collect()
print("class alive after collect:", cr() is not None)
