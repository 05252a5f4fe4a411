# Annotated assignments: values stored, annotation-only names unbound, __annotations__ at module level.
x: int = 5
y: list = [1, 2]
z: str
print(x, y)
try:
    print(z)
except NameError as e:
    print(type(e).__name__, e)
print(__annotations__)
def f():
    a: int = 3
    b: float
    return a
print(f())
class C:
    n: int = 0
    m: str
print(C.n, C.__annotations__)
count: int = 0
for i in range(5):
    count += i
print(count)
