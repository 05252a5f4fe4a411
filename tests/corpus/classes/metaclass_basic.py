# Metaclasses: type subclasses, __new__/__init__/__call__ of the metaclass, class attributes
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def hello(cls):
        return "hello from " + cls.__name__

class A(metaclass=Meta):
    def __init__(self, v):
        self.v = v
    def m(self): pass

class B(A, flag=True):
    pass

print(type(A).__name__, type(B).__name__, A.tag, B.tag)
a = B(7)
print(a.v, B.hello(), isinstance(B, Meta), isinstance(a, A))
print(type(type(a)) is Meta, type(Meta) is type)
try:
    a.hello()
except AttributeError as e:
    print("AttributeError:", e)
print(Meta.__mro__)
