# Arbitrary-precision integer arithmetic: +, -, *, //, %, **, comparisons and str.
a = 2 ** 200 + 3 ** 100
b = 7 ** 80 - 1
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // 12345678901234567890, a % 12345678901234567890)
print(-a // 12345678901234567890, -a % 12345678901234567890)
print(a // b, a % b, divmod(b, 10 ** 20))
print(a > b, a < b, a == a + 0, -a < -b)
print(int(str(a)) == a, len(str(a * b)))
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(x // (2 ** 50), x >> 50, x % 1000003)
print((-x) // 7, (-x) % 7)
print(abs(-a) == a, hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 100))
print(9999999999999999999999 + 1, -9999999999999999999999 - 1)
print(2 ** 64 - 1 == 18446744073709551615, 0xFFFFFFFFFFFFFFFFFFFF)
print(sum(range(10 ** 6)), 10 ** 18 * 10 ** 18)
