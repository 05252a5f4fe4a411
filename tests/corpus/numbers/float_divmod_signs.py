# float floor division, modulo and divmod signs; inf/nan operands; int/float mixed arithmetic.
vals = [7.5, -7.5, 0.0, -0.0, 3, -3, 1e300, float('inf'), float('-inf')]
for a in vals:
    row = []
    for b in [2, -2, 0.5, -0.5, float('inf'), float('-inf')]:
        try:
            row.append((a // b, a % b, divmod(a, b)))
        except ZeroDivisionError as e:
            row.append(str(e))
    print(a, row)
for a, b in [(1, 0.0), (1.0, 0), (0.0, 0.0), (5, 0)]:
    for op in ['/', '//', '%']:
        try:
            print(eval(f'{a!r} {op} {b!r}'))
        except ZeroDivisionError as e:
            print(op, 'ZeroDivisionError', e)
print(10**20 / 3, 10**400 // 10**399, 2**1000 / 2**999, (10**30 + 1) / 10**30, 1 / 3 * 3, 7 / 2, -7 / 2, 2**53 + 1.0)
try:
    print(10**400 / 1.0)
except OverflowError as e:
    print('OverflowError', e)
try:
    print(float(10**400))
except OverflowError as e:
    print('OverflowError', e)
print(10**400 / 10**399, 1 / 10**400, -(10**400) // 7.0 if False else 'skip', 3 * 1.1, 0.1 * 3, 1e308 * 10, -1e308 * 10)
print(float('nan') == float('nan'), float('nan') != float('nan'), float('inf') - float('inf'), 0 * float('inf'), float('inf') > 10**400)
print(2**0.5, 4**0.5, (-8) ** (1/3), 10 ** -2, 2.0 ** 1024 if False else 'big', pow(2.0, -1074), 0.0 ** 0.0, (-0.0) ** 3)
try:
    print(2.0 ** 1024)
except OverflowError as e:
    print('OverflowError', e)
try:
    print((-2.0) ** 0.5 + 0)
except ValueError as e:
    print('ValueError', e)
