# Mixed int/float arithmetic, comparisons of big ints with floats, and int() truncation.
print(1 + 1.0, 2 ** 53 + 1.0, float(2 ** 53 + 1), 10 ** 15 * 0.1)
print(int(3.9), int(-3.9), int(1e20), int(-0.5), int(2.5e-3))
print(3 == 3.0, 3 < 3.1, -2 > -2.5, 2 ** 60 == float(2 ** 60), 2 ** 60 + 1 == float(2 ** 60))
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 > float('inf'), 10 ** 400 < float('inf'))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.1 * 3, 3.3 / 1.1)
print(7 // 2.0, 7 % 2.5, -7 // 2.5, divmod(7, 2.5))
print(round(2.675, 2), 1 / 3 * 3, 4.35 * 100)
vals = [0.5, 1.5, 2.5, -0.5, -1.5, 3.7, -3.7, 1e10, 123.456]
for v in vals:
    print(v, int(v), round(v), -v, abs(v), v * 2, v // 1, v % 1)
try:
    print(int(float('inf')))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(int(float('nan')))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(2 ** 1100 + 0.5)
except OverflowError as e:
    print(type(e).__name__, e)
