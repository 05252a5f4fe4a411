# __instancecheck__ and __subclasscheck__ on metaclasses; isinstance with tuples
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is bool
class Intish(metaclass=Meta): pass
print(isinstance(3, Intish), isinstance("x", Intish))
print(issubclass(bool, Intish), issubclass(str, Intish))
print(isinstance(Intish(), Intish))
print(isinstance(3, (str, Intish)))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, (int, A)), issubclass(B, B))
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, (int, 5))
except TypeError as e:
    print("TypeError:", e)
class Truthy(type):
    def __instancecheck__(cls, obj): return "yes"
class T(metaclass=Truthy): pass
print(isinstance(1, T))
print(isinstance(True, int), issubclass(bool, (str, (list, int))))
