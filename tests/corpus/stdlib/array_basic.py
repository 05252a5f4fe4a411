# array: every typecode (itemsize, repr, values), the list-like methods, tobytes/frombytes,
# byteswap, tolist/fromlist, unicode arrays, slicing and slice assignment, +, *, comparisons.
# (The deprecated 'u' code is left out: it warns, and Pyrite has no warnings machinery yet.)
import array
from array import array as A

print(array.typecodes, A is array.ArrayType)
for tc in "bBwhHiIlLqQfd":
    a = A(tc)
    print(tc, a.itemsize, a.typecode, repr(a), len(a))
for tc, init in [("b", [1, -2, 127, -128]), ("B", [0, 255]), ("h", [-32768, 32767]),
                 ("H", [65535]), ("i", [2 ** 31 - 1, -2 ** 31]), ("I", [2 ** 32 - 1]),
                 ("l", [2 ** 63 - 1, -2 ** 63]), ("L", [2 ** 64 - 1]), ("q", [-1]),
                 ("Q", [2 ** 64 - 1]), ("f", [0.1, 1.5, -2]), ("d", [0.1, 1e300, -0.0]),
                 ("w", "hé€𝄞"), ("w", "abc")]:
    a = A(tc, init)
    print(a, a.tolist(), list(a), a.tobytes().hex())
a = A("i", range(10))
a.append(10)
a.extend([11, 12])
a.extend(A("i", [13]))
a.insert(0, -1)
a.insert(-1, 99)
a.insert(100, 100)
print(a, len(a), a[0], a[-1], a[3:7], a[::3], a[::-4])
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(99)
print(a.index(5), a.index(5, 2, 9), a.count(5), 5 in a, 42 in a, "x" in a)
a.reverse()
print(a)
a[0] = 77
a[-1] = -77
a[1:3] = A("i", [7, 8, 9, 10])
a[::2] = A("i", [0] * len(a[::2]))
del a[2]
del a[1:4]
del a[::3]
print(a)
a[2:2] = A("i", [5, 5])
a[:] = a[::-1]
print(a, a.buffer_info()[1])
b = A("h", [1, 256, -2])
print(b.tobytes())
b.byteswap()
print(b)
c = A("h")
c.frombytes(b"\x01\x00\x02\x00")
c.fromlist([3, 4])
print(c, c + A("h", [9]), c * 2, 2 * c, c * 0, c * -1)
c += A("h", [5])
c *= 2
print(c)
u = A("w", "hello")
u.fromunicode(" world")
print(u, u.tounicode(), u[1], u[::-1].tounicode())
print(A("i", [1, 2, 3]) == A("i", [1, 2, 3]), A("i", [1, 2, 3]) == A("b", [1, 2, 3]),
      A("i", [1, 2]) < A("i", [1, 3]), A("d", [1.0]) == A("i", [1]), A("i") == [],
      A("i", [1, 2]) >= A("i", [1]), A("d", [float("nan")]) == A("d", [float("nan")]))
print(A("b", b"\x01\xff"), A("d", A("i", [1, 2])), A("B", bytearray(b"ab")))
print(list(reversed(A("i", range(3)))), sorted(A("i", [3, 1, 2])), sum(A("d", [0.5, 0.25])))
import copy
x = A("i", [1, 2])
y = copy.copy(x)
z = copy.deepcopy(x)
y.append(3)
print(x, y, z)
class MyArray(A):
    pass
m = MyArray("i", [1, 2])
m.tag = "t"
print(m, type(m).__name__, m.tag, isinstance(m, A), m + A("i", [3]))
print(A("i", iter([4, 5])), A("f", [2 ** 70]))
