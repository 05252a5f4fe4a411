# introspection: function attributes (__defaults__, __kwdefaults__, __closure__, __dict__, ...)
def make(n):
    def add(x, y=10, *, z=20):
        "Adds things."
        return x + y + z + n
    return add

add = make(5)
print(add.__name__, add.__qualname__, add.__module__, add.__doc__)
print(add.__defaults__, add.__kwdefaults__)
print(len(add.__closure__), add.__closure__[0].cell_contents)
print(type(add.__closure__[0]).__name__)
print(add.__globals__ is globals())
print(add.__dict__)
add.tag = "custom"
print(add.__dict__, add.tag)
add.__defaults__ = (100,)
add.__kwdefaults__ = {"z": 0}
print(add(1))
add.__name__ = "renamed"
add.__qualname__ = "Q.renamed"
print(add.__name__, add.__qualname__, repr(add).split(" at ")[0])
def noargs():
    pass
print(noargs.__defaults__, noargs.__kwdefaults__, noargs.__closure__, noargs.__doc__)
print(noargs.__annotations__)
noargs.__annotations__ = {"x": int}
print(noargs.__annotations__)
try:
    noargs.__annotations__ = 5
except TypeError as e:
    print("TypeError:", e)
