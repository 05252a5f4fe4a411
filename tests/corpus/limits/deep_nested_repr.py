# repr/str/== of a 100000-deep nested list: records what CPython does (RecursionError caught).
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    s = repr(deep)
    print('repr ok', len(s))
except RecursionError as e:
    print(type(e).__name__, e)
try:
    print(deep == deep[0])
except RecursionError as e:
    print(type(e).__name__, e)
copy = []
cur = copy
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    print(deep == copy)
except RecursionError as e:
    print(type(e).__name__, e)
n = 0
cur = deep
while cur:
    cur = cur[0]
    n += 1
print('depth', n)
