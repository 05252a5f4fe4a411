# float repr/str, round() with ndigits (half-even exactness), and float methods.
vals = [0.1, 0.5, 1.5, 2.5, -0.5, 1e16, 1e15, 1e-4, 1e-5, 123456789012345678.0, 1/3, 2/3, 5e-324, 1.7976931348623157e308,
        0.1 + 0.2, 100.0, -0.0, float('inf'), float('-inf'), float('nan'), 161852602146008.12, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v.is_integer(), round(v, 2) if v == v and abs(v) != float('inf') else None)
for v in [0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 12345.6789]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), round(v, 0), type(round(v)).__name__, type(round(v, 0)).__name__)
print(round(123456, -2), round(-150, -2), round(250, -2), round(5, -1), round(15, -1), round(10**20 + 5 * 10**19, -20))
for v in [float('inf'), float('nan')]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(round(v, 2))
for v in [0.5, -1.25, 10.0, 3.14159, 1e300, 2**-1074]:
    print(v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v)
for s in ['0x1.8p1', '-0x1p-1074', '0X1.FFFFFFFFFFFFFp1023', 'inf', '-nan', '0x.8', '1p4', '  0x10  ']:
    print(s, float.fromhex(s))
for s in ['0x1p1024', 'zz', '0x1.0p']:
    try:
        print(float.fromhex(s))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in [float('inf'), float('nan')]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
