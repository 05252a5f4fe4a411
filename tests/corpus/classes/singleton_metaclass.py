# Metaclass __call__ for singletons and instance counting; class-level registries
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("init", value)
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)
class Other(Config): pass
o = Other(3)
print(o is a, o.value, len(Singleton._instances))
class Counted(type):
    def __call__(cls, *a):
        cls.made = getattr(cls, "made", 0) + 1
        return super().__call__(*a)
class P(metaclass=Counted):
    def __init__(self, x): self.x = x
for i in range(5):
    P(i)
print(P.made, P(9).x, P.made)
class Attrs(type):
    def __getattr__(cls, name):
        return f"meta:{name}"
class Q(metaclass=Attrs):
    real = 1
print(Q.real, Q.missing)
try:
    Q().missing
except AttributeError as e:
    print("AttributeError:", e)
