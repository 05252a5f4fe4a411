# objects dying inside a hot loop (JIT-compiled in the jit modes) are freed promptly:
# weak reference callbacks and __del__ run in the iteration where the object dies
import weakref


class Item:
    def __init__(self, i):
        self.i = i


dead = []
alive_counts = []
for i in range(300):
    item = Item(i)
    r = weakref.ref(item, lambda w, i=i: dead.append(i))
    item = None
    alive_counts.append(len(dead))
print(len(dead), dead[:5], dead[-3:])
print(alive_counts[:5], alive_counts[-1])


class Noisy:
    count = 0

    def __del__(self):
        Noisy.count += 1


seen = []
for i in range(300):
    n = Noisy()
    n.self_ref = None
    del n
    seen.append(Noisy.count)
print(seen[:5], seen[-1])

values = weakref.WeakValueDictionary()
for i in range(300):
    obj = Item(i)
    values[i] = obj
    if i % 2:
        del obj
print(len(values))
