# True division: int/int gives float, exact results, large ints, and rounding.
print(1 / 3, 2 / 3, 10 / 4, 9 / 3, -9 / 2, 1 / -8)
print(10 ** 20 / 10 ** 10, (10 ** 20 + 1) / 10)
print(2 ** 100 / 2 ** 50, 3 ** 50 / 7 ** 20)
print(1 / 7 * 7, 0.1 / 3, 5 / 0.5)
print(7 / 2.0, 7.0 / 2, -7 / -2)
print((10 ** 400) / (10 ** 399))
print(1 / 3 + 1 / 3 + 1 / 3 == 1.0)
print(123456789 / 1000, 1 / 1024, 1 / 3e10)
for d in (1, 2, 3, 6, 7, 9, 11, 13):
    print(d, 1 / d, 22 / d)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1 % 0.0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
