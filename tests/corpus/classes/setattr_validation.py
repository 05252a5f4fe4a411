# __setattr__ overrides with validation, super().__setattr__, frozen objects
class Validated:
    def __setattr__(self, name, value):
        if name.startswith("n") and not isinstance(value, int):
            raise TypeError(f"{name} must be int")
        super().__setattr__(name, value)
v = Validated()
v.num = 3
v.label = "x"
try:
    v.num2 = "no"
except TypeError as e:
    print("TypeError:", e)
print(v.num, v.label, sorted(vars(v)))
class Frozen:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field '{name}'")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field '{name}'")
f = Frozen(1, 2)
print(f.a, f.b)
for action in (lambda: setattr(f, "a", 5), lambda: delattr(f, "b"), lambda: setattr(f, "c", 1)):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Counting:
    sets = 0
    def __setattr__(self, name, value):
        type(self).sets += 1
        object.__setattr__(self, name, value)
c = Counting()
for i in range(50):
    c.x = i
print(c.x, Counting.sets)
try:
    object.__setattr__(c, 5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__setattr__(1, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
