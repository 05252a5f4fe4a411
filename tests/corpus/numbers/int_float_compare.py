# Exact comparisons between big ints and floats, int(float) truncation, float(int) rounding.
pairs = [(2**53, 2.0**53), (2**53 + 1, 2.0**53), (10**400, float('inf')), (-10**400, float('-inf')), (0, -0.0), (1, 1.0000000000000002),
         (2**1023 * 3, 1.7976931348623157e308), (123, float('nan')), (-5, -5.5), (10**16, 1e16)]
for i, f in pairs:
    print(i == f, i < f, i > f, i <= f, i >= f, f == i, hash(i) == hash(f) if f == f else None)
for f in [0.5, -0.5, 1.9999, -1.9999, 1e20, -1e20, 2.0**63, 1.5e300, 4.35]:
    print(int(f), round(f), float(int(f)), int(f) == f)
for i in [2**53 + 1, 2**54 + 3, 2**64 - 1, 10**22, 10**23, -(2**63) - 1, 2**1024 - 2**970]:
    try:
        print(float(i), repr(float(i)))
    except OverflowError as e:
        print('OverflowError', e)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), sorted([3, 2.5, 10**20, -1e20, 2]), 1 == 1.0 == True, {1: 'a', 1.0: 'b'})
print(int('  -12_345  '), int('0b101', 0), int('0o17', 0), int('0x_ff', 0), int('z', 36), int(b'42'), int(bytearray(b'7')), int('٣'))
for bad in ['1__0', '_1', '0b', '1.5', '', ' ', '0x', '08']:
    try:
        print(int(bad, 0))
    except ValueError as e:
        print('ValueError:', e)
for bad in [(10, 1), ('1', 37), ('1', 1), (1.5, 10), ('12', -1)]:
    try:
        print(int(*bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
