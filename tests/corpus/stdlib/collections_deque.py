# collections.deque: maxlen, rotate, repr, comparisons, mutation during iteration, subclassing, copy.
from collections import deque
d = deque([1,2,3], maxlen=5)
print(d, len(d), d.maxlen, repr(deque()), deque('abc'))
d.append(4); d.appendleft(0); d.append(5)
print(d, d[0], d[-1], 3 in d, d.count(3), d.index(3))
d.rotate(2); print(d); d.rotate(-3); print(d)
print(list(reversed(d)), d == deque([2,3,4,5,1]), d < deque([9]))
e = deque(range(3)); e.extend(e); print(e, e*2, deque([1,2], maxlen=3)*2)
try:
    for x in e: e.append(1)
except RuntimeError as ex: print(ex)
print(type(iter(e)), type(reversed(e)), bool(deque()), type(deque()))
class D(deque):
    def __init__(self, x):
        super().__init__([x, x])
print(D(3), D(3).copy() if False else None)
f = deque(); f.append(f); print(f)
try: deque().pop()
except IndexError as ex: print(ex)
try: hash(deque())
except TypeError as ex: print(type(ex).__name__)
print(deque([1]) + deque([2]))
try: deque([1]) + [2]
except TypeError as ex: print(ex)
print(deque([1,2,3]).__reduce__()[:3])
import copy
print(copy.deepcopy(deque([[1]], maxlen=4)))
d = deque([1, 2, 3])
for bad in ["x", 1.5]:
    try:
        d.rotate(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    deque([1], maxlen=-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    d[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    d["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.remove(9)
except ValueError as e:
    print(type(e).__name__, e)
full = deque([1, 2], maxlen=2)
try:
    full.insert(0, 5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    d * "a"
except TypeError as e:
    print(type(e).__name__, e)
d.insert(1, 9); del d[0]; d[0] = 7
print(d, d.index(3), deque(range(10)).index(5, -6, -2), d.popleft(), d.pop(), d)
d.extendleft([1, 2, 3]); print(d, d.count(1)); d.reverse(); print(d); d.clear(); print(d)
m = deque([1, 2, 3], maxlen=4); m *= 3; print(m)
z = deque(maxlen=0); z.append(1); z.extend([1, 2]); print(z, z.maxlen)
it = iter(deque([1, 2, 3])); next(it); print(it.__length_hint__(), list(it))
