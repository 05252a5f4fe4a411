# __getattr__ fallback, __getattribute__ override, __setattr__ and __delattr__ hooks
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"nope {name}")
l = Lazy()
print(l.real, l.xyz, getattr(l, "xa", None), getattr(l, "b", "default"), hasattr(l, "b"))
try:
    l.other
except AttributeError as e:
    print("AttributeError:", e)

class Logged:
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 10 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Logged()
g.a = 4
print(g.a)
del g.a
try:
    g.a
except AttributeError as e:
    print("AttributeError:", e)

class Both:
    def __getattribute__(self, name):
        if name == "magic":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
b = Both()
print(b.magic, b.other)
b.z = 1
print(b.z)
