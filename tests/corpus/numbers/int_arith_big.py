# Big-int arithmetic: mixed signs, floor division and modulo, divmod, abs, negation, comparisons, str/repr round trips.
a, b = 3**200, -(7**150)
print(a + b, a - b, a * b % 10**20, a // b, a % b, divmod(b, 10**30), -a // 7, (-a) % 7, abs(b) == -b, b < 0 < a)
print(a // -1 == -a, 10**50 // 10**49, (2**256 - 1) // (2**128 + 1), (2**256 - 1) % (2**128 + 1), -(2**100) // 3, -(2**100) % 3)
print(int(str(a)) == a, repr(b)[:20], len(str(2**10000)), str(-10**30), hex(a)[:20], oct(-a)[:12], bin(2**70 + 1))
print(sum(range(10**6)), 10**18 * 10**18, (10**18) ** 3, -(10**20) * -(10**20), 2**64 + 2**64, (2**63) * 2)
print(pow(10, 40) // pow(10, 20) == 10**20, 12345678901234567890 % 97, -12345678901234567890 % 97, 12345678901234567890 // -97)
print(max(2**100, 2**100 + 1), min(-2**100, 5), sorted([2**70, -2**70, 0, 2**64]), 2**100 == 2.0**100, 2**100 + 1 > 2.0**100)
print(round(2**100 + 12345, -3), round(-(10**25) - 5, -1), round(15, -1), round(25, -1), round(-35, -1), int.__round__(1234, -2))
print(abs(-2**70), -(-2**70), +(2**70), ~(2**70), (2**70).__neg__(), (2**70) ** 0, (-2) ** 71, 0 ** 0)
for bad in [lambda: a // 0, lambda: a % 0, lambda: divmod(a, 0), lambda: a / 0, lambda: 2 ** -(2**70) if False else (0 ** -1)]:
    try:
        print(bad())
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
print(a / b, (10**400 + 1) / 10**399, 10**400 // 3 % 1000, float(2**1023) * 2 if False else 'x', (2**1024 - 1) / 2**1023)
try:
    print(2**1024 / 3.0)
except OverflowError as e:
    print('OverflowError', e)
