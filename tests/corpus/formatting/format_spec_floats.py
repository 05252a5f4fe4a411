# Format specs for floats: e E f F g G % n, precision, alternate form, grouping, signs, inf/nan.
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 0.000012345, 1e16, 1e-7, 123456789012.0]
specs = ['', 'e', '.2e', 'E', 'f', '.0f', '#.0f', '.3f', 'F', 'g', '.3g', '#g', 'G', '%', '.1%', ',.2f', '_.1f',
         '+.2f', ' .1f', '12.4f', '<12.2f', '^12.2f', '012.2f', 'n', '.10g', '.0e', '#.0e']
for spec in specs:
    print(repr(spec).ljust(8), ' '.join(format(v, spec) for v in vals))
for v in [float('inf'), float('-inf'), float('nan')]:
    print(format(v, ''), format(v, 'f'), format(v, 'F'), format(v, 'e'), format(v, 'E'), format(v, '10.2f'), format(v, '%'))
print(format(2.5, '.0f'), format(3.5, '.0f'), format(0.125, '.2f'), format(0.375, '.2f'), format(1e300, '.2e'))
print(format(1 / 3, '.20f'), format(2 ** 0.5, '.17g'), format(12, '.2f'), format(7, 'e'), format(7, '%'))
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, 'x')
except ValueError as e:
    print(type(e).__name__, e)
