# __init_subclass__ with keywords, registry pattern, implicit classmethod
registry = []
class Plugin:
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        registry.append(cls.plugin_name)

class A(Plugin): pass
class B(Plugin, name="bee"): pass
class C(B): pass
print(registry, C.plugin_name)

class Strict:
    def __init_subclass__(cls, **kwargs):
        print("Strict.__init_subclass__", cls.__name__, kwargs)
        super().__init_subclass__(**kwargs)
try:
    class D(Strict, color="red"): pass
except TypeError as e:
    print("TypeError:", e)

class E:
    pass
try:
    class F(E, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)

class Counter:
    count = 0
    def __init_subclass__(cls):
        Counter.count += 1
class G(Counter): pass
class H(G): pass
print(Counter.count, type(Counter.__dict__["__init_subclass__"]).__name__)
