# Comparison operators on ints, floats, strings, lists, tuples; mixed types and errors.
print(1 < 2, 2 < 1, 1 <= 1, 1 == 1.0, 1 != 1.0, 2 >= 3, 3 > 2)
print('abc' < 'abd', 'abc' < 'ab', 'Z' < 'a', '' < 'a', 'a' == 'a')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [1, [2]] == [1, [2]])
print((1, 2) < (1, 2, 3), (2,) > (1, 9), (1, 'a') < (1, 'b'))
print(True == 1, False == 0, True > False, 1.0 == True)
print(float('nan') == float('nan'), float('nan') != float('nan'), float('nan') < 1)
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 2 ** 53 + 1 > 2.0 ** 53)
print(None == None, None == 0, None != False)
print([1, 2] == (1, 2), 'a' == 97, {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(None is None, [] is not [])
x = [1, 2, 3]
y = x
print(x is y, x == y, x is not y, x[:] is x)
print('b' in 'abc', 'bc' in 'abc', 'x' not in 'abc', 3 in [1, 2, 3], 4 not in (1, 2))
for a, b in [(1, 'a'), ([1], (1,)), ({}, [])]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print(None < None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print({1} < {1, 2}, {1: 1} < {2: 2})
except TypeError as e:
    print(type(e).__name__, e)
