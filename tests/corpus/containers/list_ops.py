# List operators: concatenation, repetition (including aliasing), comparisons, membership, unpacking.
a = [1, 2]
b = [3]
print(a + b, a * 3, 3 * b, a * 0, a * -1, [] * 5, [[0]] * 2)
grid = [[0] * 2] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2, 3] > [1, 2], [] < [[]], [2] > [1, 100])
print(2 in a, 5 not in a, [1] in [[1], [2]], a.__len__(), len(a * 1000))
try:
    a + (3,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a * 1.5
except TypeError as e:
    print(type(e).__name__, e)
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], nested == [1, [2, [3, [4]]]])
l = [1]
l.append(l)
print(l, l == l)
