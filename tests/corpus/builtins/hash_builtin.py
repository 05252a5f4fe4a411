# hash() of ints, floats, tuples, strings (with PYTHONHASHSEED=0), bools, None-free values.
print([hash(i) for i in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -2 ** 64, 10 ** 30]])
print([hash(f) for f in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, float('inf'), float('-inf')]])
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 70) == hash(float(2 ** 70)))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash(('a',)) == hash(('a',)))
print(hash('') , hash(b'') , hash('abc') == hash('abc'), hash(frozenset()), hash(frozenset([1, 2])))
print(hash('abc'), hash(b'abc'), hash('héllo'), hash('a') == hash(b'a'))
print(hash(range(3)) == hash(range(0, 3, 1)))
for v in [[1], {'a': 1}, {1}, bytearray(b'x'), ([1],)]:
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
