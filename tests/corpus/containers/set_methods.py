# set methods: add/discard/remove/pop/update/union/intersection/difference/symmetric_difference/subset tests.
s = {3, 1, 2}
s.add(4); s.add(1); s.discard(10); s.discard(3)
print(s)
s.remove(4)
print(s, len(s))
s.update([7, 8], (9,), 'a' if False else [])
print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([10], (11,)), a.intersection(range(3)), a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}))
c = a.copy()
c.intersection_update(b)
print(c)
c = a.copy()
c.difference_update({1})
print(c)
c.symmetric_difference_update({2, 100})
print(c)
p = {42}
print(p.pop(), p)
c.clear()
print(c, set())
for bad in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {1}.add([]), lambda: {1}.union(5)]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
