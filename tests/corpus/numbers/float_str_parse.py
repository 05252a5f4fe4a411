# float() parsing: spaces, underscores, inf/nan spellings, exponents, errors; repr round trip.
for s in ['1', ' 1.5 ', '-0', '+.5', '5.', '1e5', '1E-5', '1_000.5', 'inf', '-Infinity', 'nan', '-NaN', '+inF', '1e400', '-1e400', '1e-400',
          '0x10' if False else '3.14', '\t2.5\n', '１.５', '0.1e1_0']:
    try:
        v = float(s)
        print(repr(s), repr(v))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for bad in ['', 'abc', '1e', '1__0', '_1', '1_', 'in f', '--1', '1.2.3', 'nan1', '0x1p3', '1e1.5']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
for x in [0.1, 1/3, 2/3, 1e23, 5e-324, 9007199254740993, 0.30000000000000004, 1.7976931348623157e308, 123456789.123456789]:
    print(repr(x), float(repr(x)) == x, str(x), format(x, 'r') if False else format(x))
print(float(b'1.5') if False else float('1.5'), float(True), float(10**20), float(-0), float.__new__(float, '2'), float(' -inf '))
try:
    float(b'1.5x')
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print('TypeError:', e)
