# float repr edge cases: shortest round-trip repr, exponent switch points, special values.
vals = [0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 1e22, 1e21, 123456789012345678.0, -0.0, 0.0,
        float('inf'), -float('inf'), float('nan'), 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
        1 / 3, 2 / 3, 100.0, 1e100, 123.456, 0.5, 9007199254740993.0, 1.0000000000000002, 0.30000000000000004,
        1e23, 4.35, 0.1 * 3, 1.1 * 1.1, 1e-7, 12345678901234567890.0, float.fromhex('0x1.e26687db6b9b04p+47')]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v or v != v)
print(str(1e16), str(-1e16), 1e16 == 10 ** 16, 1.5e300 * 1.5e300, -1.5e300 * 1.5e300)
print([2.0 ** e for e in range(50, 56)])
print([10.0 ** e for e in range(-6, 18, 3)])
