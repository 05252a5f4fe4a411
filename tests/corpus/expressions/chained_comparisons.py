# Chained comparisons evaluate each middle operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(5) < v(2) < v(3))
print(calls)
calls.clear()
print(v(1) <= v(1) < v(2) > v(0) != v(9))
print(calls)
for x in range(-2, 8, 2):
    print(x, 0 <= x < 5, 0 < x <= 4 < 10, x in [0, 2] in [[0, 2]])
a = 'm'
print('a' < a < 'z', 'a' < a < 'f', a is not None)
print(1 < 2 > 1.5, (1 < 2) > 0.5, 1 < (2 > 1.5))
lst = [3, 1, 2]
print(lst[0] > lst[1] < lst[2], not 1 < 2 < 3)
