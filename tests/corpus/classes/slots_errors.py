# __slots__ errors: conflicts with class variables, bad names, layout conflicts
try:
    class A:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class B:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    class C:
        __slots__ = ("a b",)
except TypeError as e:
    print("TypeError:", e)
try:
    class D:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("TypeError:", e)
class E:
    __slots__ = ("a",)
class F:
    __slots__ = ("b",)
try:
    class G(E, F): pass
except TypeError as e:
    print("TypeError:", e)
class H:
    __slots__ = ()
h = H()
try:
    h.anything = 1
except AttributeError as e:
    print("AttributeError:", e)
class I:
    __slots__ = ["p", "q"]
    def __init__(self):
        self.p = 1
i = I()
print(i.p, getattr(i, "q", "missing"))
class J(I):
    __slots__ = ("p",)
j = J()
print(j.p)
E().c = 1
