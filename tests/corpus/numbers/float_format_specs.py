# float formatting: 'n', 'g' trailing zeros and exponent switch, '#', alternate forms, precision 0, huge precision, negative zero with 'z'.
vals = [0.0, -0.0, 1e-5, 0.0001, 123456.0, 1234567.0, 1e16, 1e-16, 0.1, 2.5, -1.25e-10, 1/7]
for spec in ['g', '.1g', '.2g', '#g', '#.3g', 'G', 'n', '.3n', 'e', '#.0e', '.0f', '#.0f', 'z.2f', 'z.0e', '.20f', '.17g', '+g', '%', '.0%', 'E', '012.3g', '_.1f', ',g']:
    print(spec, [format(v, spec) for v in vals])
print(format(1e300 * 10, 'f'), format(-1e300 * 10, '.2e'), format(float('nan'), '+08.2f'), format(float('-inf'), '^9'), format(1.5, '=+8.2f'), str(1e16), str(1e15), str(-1e-5))
print(format(123.456, '.50f')[:30], format(1e-300, '.320f')[-5:], len(format(2.0**-1074, '.1100f')), format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'))
