# array: bad input — unknown typecodes, out-of-range values for every integer typecode
# (CPython's OverflowError messages), wrong types, bad indices and mismatched arrays.
from array import array as A

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

values = [-(2 ** 70), -(2 ** 63) - 1, -(2 ** 31) - 1, -(2 ** 15) - 1, -129, -1, 256,
          2 ** 16, 2 ** 32, 2 ** 63, 2 ** 64, 1.5, "a", None]
for tc in "bBhHiIlLqQfdw":
    a = A(tc)
    for v in values:
        attempt(lambda: a.append(v) or a[-1])
attempt(lambda: A("b", [200]))
attempt(lambda: A("x"))
attempt(lambda: A("bb"))
attempt(lambda: A(1))
attempt(lambda: A("b", 5))
attempt(lambda: A("b", "abc"))
attempt(lambda: A("w", [1]))
attempt(lambda: A("h", b"\x01\xff\x00"))
attempt(lambda: A("i", [1, 2, 3]) + A("b", [1]))
attempt(lambda: A("i", [1, 2, 3]) + [1])
attempt(lambda: A("i", [1]) + 1)
attempt(lambda: A("i", [1, 2, 3]).index(5))
attempt(lambda: A("i", [1, 2, 3]).remove(5))
attempt(lambda: A("i").pop())
attempt(lambda: A("i", [1]).pop(5))
attempt(lambda: A("i", [1])[5])
attempt(lambda: A("i", [1])["x"])
attempt(lambda: A("i", [1]).__setitem__(3, 1))
attempt(lambda: A("i", [1]).__delitem__(-3))
attempt(lambda: A("i", [1]).frombytes(b"abc"))
attempt(lambda: A("i", [1]).frombytes("abc"))
attempt(lambda: A("i", [1]).fromlist([1, "x"]))
attempt(lambda: A("i", [1]).fromlist((1,)))
attempt(lambda: A("i", [1]).extend(A("b", [1])))
attempt(lambda: A("i", [1]).extend(5))
attempt(lambda: hash(A("i")))
attempt(lambda: A("i", [1]).tounicode())
attempt(lambda: A("i", [1]).fromunicode("a"))
attempt(lambda: A("w").fromunicode(5))
attempt(lambda: A("i", [1, 2]).__setitem__(slice(0, 2), [1, 2]))
attempt(lambda: A("i", [1, 2]).__setitem__(slice(0, 2), A("b", [1, 2])))
attempt(lambda: A("i", [1, 2, 3]).__setitem__(slice(0, 3, 2), A("i", [1])))
attempt(lambda: A("i", [1, 2]).insert(0, "a"))
attempt(lambda: A("i", [1, 2]) * "a")
attempt(lambda: A("i", [1, 2]) < [1])
a = A("i", [1, 2])
attempt(lambda: a.extend([3, "x", 4]))
print(a)
attempt(lambda: a.fromlist([5, "x"]))
print(a)
