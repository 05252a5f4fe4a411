# float methods: is_integer, as_integer_ratio, hex, fromhex, conjugate, real/imag.
for f in [0.0, -0.0, 1.0, 0.5, -2.25, 0.1, 1e16, 1e-5, 3.0e100, 2.0 ** -1074]:
    print(repr(f), f.is_integer(), f.as_integer_ratio(), f.hex(), f.conjugate(), f.real, f.imag)
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x.8'), float.fromhex('  0x1.fffffffffffffp+1023 '))
print(float.fromhex('inf'), float.fromhex('-0x0p0'), float.fromhex('0x1.e26687db6b9b04p+47'), float.fromhex('0x1p-1074'))
print(float('inf').hex(), float('nan').hex(), (1.5).hex() == '0x1.8000000000000p+0', float.fromhex((0.1).hex()) == 0.1)
for bad in [lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(),
            lambda: float.fromhex('0x1p2000'), lambda: float.fromhex('zz')]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
