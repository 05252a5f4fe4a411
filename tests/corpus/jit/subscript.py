# List and tuple indexing inlined into traces: bounds guards (negative indices too), stores
# into lists, `len`, and an index that goes out of range inside a hot loop, which must
# raise exactly the interpreter's IndexError with its traceback line.


def pairs_sum(items):
    s = 0
    for i in range(len(items) - 1):
        s += items[i] * items[i + 1]
    return s


def from_end(items):
    s = 0
    for i in range(1, len(items) + 1):
        s += items[-i] * i
    return s


def scale(items, k):
    for i in range(len(items)):
        items[i] = items[i] * k
    return items[:5], items[-1]


def rotate(items):
    n = len(items)
    for _ in range(1000):
        first = items[0]
        for j in range(n - 1):
            items[j] = items[j + 1]
        items[n - 1] = first
    return items


def lengths(words, table):
    n = 0
    for i in range(300):
        n += len(words) + len(table) + len("héllo") + len(words[i % 3])
    return n


def out_of_range(items):
    s = 0
    i = 0
    while True:
        s += items[i]
        i += 1


def negative_out_of_range(items):
    s = 0
    for i in range(1, 1000):
        s += items[-i]
    return s


def tuple_store(t):
    for i in range(200):
        t[i % 3] = i


def index_types(items):
    s = 0
    for k in [0, 1, True, False] * 50:
        s += items[k]
    return s


def big_in_list():
    items = [1] * 100
    items[70] = 2 ** 64
    s = 0
    for i in range(100):
        s += items[i]
    return s


print(pairs_sum(list(range(1000))))
print(pairs_sum(tuple(range(500))))
print(from_end(list(range(300))))
print(scale([1.5] * 400, 3))
print(scale(list(range(300)), -2))
print(rotate(list(range(10))))
print(lengths(["a", "bb", "ccc"], {1: 2, 3: 4}))
print(index_types([10, 20]))
print(big_in_list())
try:
    out_of_range(list(range(500)))
except IndexError as e:
    print(type(e).__name__, e)
try:
    negative_out_of_range(tuple(range(400)))
except IndexError as e:
    print(type(e).__name__, e)
try:
    tuple_store((1, 2, 3))
except TypeError as e:
    print(type(e).__name__, e)
items = list(range(600))
i = 0
total = 0
while i < 700:
    total += items[i]
    i += 1
