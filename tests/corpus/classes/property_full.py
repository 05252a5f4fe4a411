# property: getter/setter/deleter, .setter chaining, doc, errors
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "The temperature."
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    readonly = property(lambda self: "ro")
t = Temp()
t.celsius = 25
print(t.celsius, Temp.celsius.__doc__)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.readonly = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.readonly
except AttributeError as e:
    print("AttributeError:", e)
p = property()
class U:
    x = p
try:
    U().x
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.celsius.fset is not None)
q = Temp.celsius.getter(lambda self: "new")
class V:
    c = q
print(V().c, q.fset is Temp.celsius.fset)
print(isinstance(Temp.celsius, property), Temp.__dict__["celsius"] is Temp.celsius)
t.__dict__["celsius"] = "shadow?"
print(t.celsius)
