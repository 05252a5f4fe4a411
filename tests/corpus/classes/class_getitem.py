# __class_getitem__ (implicit classmethod) and generic aliases of builtins
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int])
print(Box["x", 1])
class Sub(Box): pass
print(Sub[3])
print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
class Plain: pass
try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
try:
    Plain()[0]
except TypeError as e:
    print("TypeError:", e)
class Both:
    def __getitem__(self, i):
        return ("instance", i)
    def __class_getitem__(cls, i):
        return ("class", i)
print(Both[1], Both()[1])
