# float() parsing: inf/nan spellings, whitespace, exponents, underscores, and errors.
good = ['inf', '-inf', 'Infinity', '+INF', 'nan', '-nan', 'NaN', ' 1e3 ', '1E-3', '.5', '5.', '-0', '0.1',
        '1_000.5', '\n2.5\t', '1e308', '1e309', '-1e309', '1e-400', '00012', '0x10' if False else '16']
for s in good:
    print(repr(s), float(s))
print(float(), float(3), float(-2 ** 53), float(True), float(2 ** 100))
bad = ['abc', '', ' ', '1.2.3', '1e', 'e5', '1_', '_1', '1__0', '0x10', 'in f', '1,5', 'nanx', '++1']
for s in bad:
    try:
        print(float(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for obj in [None, [1], {}]:
    try:
        float(obj)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
