# set and frozenset operators |, &, -, ^, <, <=, >, >=, ==, in; printing order of int sets and mixing types.
a = {5, 1, 9, 3, 7}
b = {3, 4, 5, 6}
print(a, b, a | b, a & b, a - b, b - a, a ^ b)
print(a < b, {1} < a, a <= a, a < a, a > {1, 9}, a >= {2}, a == {1, 3, 5, 7, 9}, {1} != {1.0})
fa = frozenset([1, 2, 3])
print(fa | {4}, type(fa | {4}).__name__, type({4} | fa).__name__, fa & {2, 3, 9}, fa - {1})
s = {1, 2}
s |= {3}; s &= {1, 3, 5}; s -= {5}; s ^= {9, 1}
print(s)
print({100, 10, 1000, 1, 0, -1, 33}, {2 ** 40, 2, 64}, set(range(20, 0, -3)))
print({'b', 'a', 'c'} == {'a', 'b', 'c'}, len({'x', 'y', 'x'}), sorted({'pear', 'apple', 'fig'}))
print(frozenset({1: 2}), {frozenset([1]): 'fs key'}, {(1, 2), (1, 2)}, frozenset() == set())
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
