# introspection: type errors when assigning bad values to function attributes
def f(a=1):
    return a

for attr, value in [("__defaults__", [1]), ("__kwdefaults__", 3), ("__name__", 5),
                    ("__qualname__", None), ("__code__", 1), ("__dict__", [])]:
    try:
        setattr(f, attr, value)
        print(attr, "accepted")
    except TypeError as e:
        print(attr, "TypeError:", e)
f.__defaults__ = None
try:
    f()
except TypeError as e:
    print(e)
try:
    f.__closure__ = ()
except AttributeError as e:
    print("AttributeError:", e)
f.__globals__ = {}
