# The ** operator: ints, negatives, floats, negative exponents, big results and errors.
for b in (-3, -2, -1, 0, 1, 2, 3):
    print(b, [b ** e for e in range(0, 6)])
print(2 ** 64, 2 ** 100, (-2) ** 63, 7 ** 30)
print(2 ** -2, (-2) ** -3, 10 ** -5, 3 ** -1)
print(2.0 ** 10, 2 ** 0.5, 9 ** 0.5, (-8) ** 2.0, 1.5 ** 3)
print(0 ** 0, 0.0 ** 0.0, 1 ** 10 ** 6, (-1) ** 10 ** 6 + 1)
print(pow(2, 10), pow(2.0, -1), pow(-1, 0.5) == pow(-1, 0.5))
print(type((-8) ** (1 / 3)).__name__)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(2 ** 10000 * 1.0)
except OverflowError as e:
    print(type(e).__name__, e)
x = 3
x **= 4
print(x)
x **= -1
print(x)
print(len(str(3 ** 1000)), str(3 ** 1000)[:20])
