# __prepare__ returns the class namespace; ordering and custom mappings
class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return RecordingDict()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns.order if not k.startswith("__")]
        return cls

class A(metaclass=Meta, option=3):
    z = 1
    a = 2
    def m(self): pass
    b = 3

print(A.order)

class Meta2(type):
    def __prepare__(name, bases):
        return {"injected": 42}
class B(metaclass=Meta2):
    x = injected + 1
print(B.x, B.injected)

class Meta3(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class C(metaclass=Meta3): pass
except TypeError as e:
    print("TypeError:", e)
