# collections.abc: structural checks of the one-trick ABCs, registered builtins, mixin methods of Sequence/MutableMapping/Set.
from collections import abc as cabc
import collections.abc
for name in ['Hashable','Iterable','Iterator','Sized','Container','Collection','Reversible','Callable','Sequence','MutableSequence','Mapping','MutableMapping','Set','MutableSet','Generator','Buffer']:
    A = getattr(cabc, name)
    print(name, [isinstance(x, A) for x in (1, "s", [1], (1,), {1:2}, {1}, frozenset(), iter([]), len, (x for x in []), b"", bytearray(), range(2), {}.keys(), {}.items())])
print(cabc.Mapping.__module__, cabc.Sequence.__name__, repr(cabc.Sequence))
class L(cabc.Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
l = L(1, 2, 3, 2)
print(list(l), 2 in l, l.index(2), l.count(2), list(reversed(l)))
try: l.index(9)
except ValueError as e: print(repr(e))
class M(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M(); m.update({'a': 1}, b=2); m.setdefault('c', 3)
print(dict(m), type(m.keys()).__name__, list(m.items()), m.pop('a'), m.get('zz', 5), m == {'b': 2, 'c': 3})
print(m.keys() & {'b'}, m.keys() | {'q'}, m.popitem())
try: cabc.Sequence()
except TypeError as e: print(e)
try: cabc.MutableMapping()
except TypeError as e: print(e)
class S(cabc.Set):
    def __init__(self, it=()): self.s = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
a, b = S([1,2,3]), S([2,3,4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= b, S([2]) < a, a == S([3,2,1]), a._hash() == frozenset([1,2,3]).__hash__())
print(cabc.__all__[:3], sorted(cabc.__all__) == sorted(set(cabc.__all__)))
