# WeakValueDictionary, WeakKeyDictionary and WeakSet: entries vanish when objects die
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"K{self.n}"


objs = [K(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    wvd[i] = o
print(len(wvd), sorted(wvd.keys()), wvd[2], wvd.get(9, "missing"), 3 in wvd)
del objs[1]
print(len(wvd), sorted(wvd), 1 in wvd, wvd.get(1))
try:
    wvd[1]
except KeyError as e:
    print("KeyError", e)
objs.clear()
print(len(wvd), list(wvd.items()))
k = K(10)
wvd["k"] = k
print(wvd.pop("k") is k, len(wvd))
print(wvd.setdefault("s", k) is k, list(wvd.values()))
wvd["s"] = K(11)  # replaced; the new value dies at once
print("s" in wvd, len(wvd))
wvd.update({"a": k}, b=k)
print(sorted(map(str, wvd.keys())))
print(repr(wvd).startswith("<WeakValueDictionary at 0x"))

wkd = weakref.WeakKeyDictionary()
keys = [K(i) for i in range(3)]
for key in keys:
    wkd[key] = key.n * 10
print(len(wkd), sorted(wkd.values()), wkd[keys[0]], keys[2] in wkd, 5 in wkd)
del keys[0]
print(len(wkd), sorted(v for k, v in wkd.items()))
print(wkd.get(keys[0]), wkd.pop(keys[0]), len(wkd))
del wkd[keys[1]]
print(len(wkd))
try:
    wkd[K(99)]
except KeyError:
    print("KeyError")

ws = weakref.WeakSet()
items = [K(i) for i in range(4)]
for it in items:
    ws.add(it)
print(len(ws), items[0] in ws, K(0) in ws, 1 in ws)
del items[0]
print(len(ws), sorted(x.n for x in ws))
ws.discard(items[0])
print(len(ws))
ws2 = weakref.WeakSet(items[1:])
print(len(ws2), ws2 <= ws, ws == weakref.WeakSet(ws))
items.clear()
print(len(ws), len(ws2), list(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
