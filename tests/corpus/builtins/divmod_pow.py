# divmod() and pow(): 3-argument pow, modular inverse via negative exponent, errors.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(10 ** 25, 7), divmod(0, 3))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(-2, 3, 5), pow(2, 3, -5))
print(pow(3, -1, 7), pow(2, -1, 5), pow(10, -3, 17), pow(5, 0, 1), pow(123456789, 987654321, 1000000007))
print(pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(0, 0), pow(4, 0.5))
tests = [lambda: pow(2, 3, 0), lambda: pow(2, -1, 4), lambda: pow(2.0, 3, 5), lambda: pow(2, 0.5, 3),
         lambda: divmod(1, 0), lambda: divmod('a', 1), lambda: pow(0, -1), lambda: divmod(1.0, 0)]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
