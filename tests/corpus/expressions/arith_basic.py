# Integer and float arithmetic operators: + - * / // % ** and unary ops.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, ~a, -(-a), ~~a)
x, y = 7.5, 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(1 + 2 * 3, (1 + 2) * 3, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 10 ** -2)
print(1 + 2.0, 3 * 1.5, 7 / 7, 0 / 5, type(7 / 7).__name__)
print(True + True, True * 10, False - 1, -True)
print(3 - -3, 3 + -3, 3 * -1, --3)
for n in range(-3, 4):
    print(n, n * n, n * n * n, n + 0.5)
print(100 * 1.1, 0.1 * 3, 1 - 0.9, 2.5 * 4)
print(1e308 * 10, -1e308 * 10, 1e-320 / 10)
print(5 % 3, 5.5 % 2, 0 % 7, 7 % 1)
total = 0
for i in range(1, 101):
    total += i * i - i
print(total)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), 0 ** 0, 0.0 ** 0)
