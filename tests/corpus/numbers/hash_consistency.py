# hash() of int/float/complex agree; -1 maps to -2; modulus 2**61-1; inf/nan.
import sys
M = 2**61 - 1
print(hash(1) == hash(1.0) == hash(1 + 0j), hash(-1), hash(-1.0), hash(-2), hash(0.5), hash(-0.5), hash(1.5), hash(1e100))
print(hash(M), hash(M + 1), hash(-M), hash(-M - 1), hash(2**64), hash(-(2**64)), hash(10**30), hash(float(2**70)) == hash(2**70))
print(hash(float('inf')), hash(float('-inf')), hash(0.0), hash(-0.0), hash(1j), hash(1 + 1j), hash(-1j), hash(complex(1, -1)))
print(hash(True), hash(False), hash(2**61), hash(0.1), hash(1e-300), hash(5e-324), hash(1.7976931348623157e308))
n = float('nan')
print(hash(n) == hash(n), isinstance(hash(n), int))
from_ints = {1: 'a', 1.0: 'b', 1 + 0j: 'c', True: 'd'}
print(from_ints, {0.5: 1, 0.5 + 0j: 2}, len({2**61 - 1, 0, M * 2}))
for v in [(), (1,), (1, 2), ((1, 2), 3), ('a', 1.5), frozenset(), frozenset({1, 2}), '', 'a', b'', b'a', 'é', '日本']:
    print(repr(v), hash(v))
for bad in [[], {}, set(), bytearray()]:
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
