# __set_name__ is called for descriptors at class creation with owner and name
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Model:
    x = Field()
    y = Field()
    def __init__(self):
        self.x = 10

m = Model()
print(m.x, m.y, m._x)
m.y = "why"
print(m.y, sorted(vars(m)))
print(type(Model.x).__name__, Model.x.name)

class Late: pass
f = Field()
Late.z = f
print(hasattr(f, "name"))

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)
try:
    class Bad:
        attr = Boom()
except Exception as e:
    print(type(e).__name__, e, e.__notes__ if hasattr(e, "__notes__") else None)
