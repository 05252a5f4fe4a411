# Left and right shifts, including negative operands, big shifts and errors.
for a in (1, 5, -1, -5, 1000, -1000):
    print(a, [a << n for n in range(0, 5)], [a >> n for n in range(0, 5)])
print(1 << 100, (1 << 100) >> 99, -1 >> 100, 1 >> 100, -(1 << 70) >> 3)
print(0 << 1000, 12345 >> 64, -12345 >> 64)
x = 3
x <<= 10
print(x)
x >>= 4
print(x)
print(True << 3, 7 >> True)
try:
    print(1 << -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1.0 << 2)
except TypeError as e:
    print(type(e).__name__, e)
print(len(str(1 << 3000)))
