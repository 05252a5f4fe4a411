# pow() with modulus: negative exponents (modular inverse), negative moduli, big values, errors.
cases = [(3, 4, 5), (2, -1, 7), (3, -2, 11), (-3, 3, 7), (3, 3, -7), (-3, -1, 7), (10**30, 10**20, 10**9 + 7),
         (2, 10**6, 10**9 + 9), (0, 0, 1), (5, 0, 1), (7, -1, -13), (123456789, -1, 10**18 + 3)]
for b, e, m in cases:
    print(b, e, m, pow(b, e, m))
for b, e, m in [(2, -1, 4), (0, -1, 5), (3, 2, 0), (2, 3, 1.5), (2.0, 3, 5), (6, -1, 9)]:
    try:
        print(pow(b, e, m))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(pow(2, -3), pow(-2, -3), pow(0, 0), pow(-8, 1/3).real if isinstance(pow(-8, 1/3), complex) else None)
print(2 ** -1, (-2) ** 0.5, 10 ** -20, (-1) ** 10**9)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(pow(3, 200) % 1000, pow(-7, 3, -5), pow(True, 2, 3))
