# complex() parsing and repr corner cases: signed zeros, inf/nan parts, spaces, parentheses, errors.
for s in ['1', '1j', '-1j', '+1-1j', '1.5e3+2.5e-3j', '(1+2j)', ' ( -1 ) ', 'infj', '-inf+nanj', '1e400j', '0j', '-0j', '1_0+2_0j', 'J', '2J']:
    try:
        z = complex(s)
        print(repr(s), repr(z), z.real, z.imag)
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for bad in ['', '1+', 'j1', '1+2', '(1+2j', '1 + 2j', '1+2jj', '++1j', '1__0j']:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError:', e)
for z in [complex(0.0, -0.0), complex(-0.0, -0.0), complex(1e16, 1e-5), complex(float('inf'), float('nan')), complex(-1, 0), 1j * 1j, -(0j)]:
    print(repr(z), str(z), format(z), format(z, ''), format(z, 'g'))
print(complex(1, 2) * 1.5, 2 + 1j - 2, (1 + 2j) / 2, (4 + 0j) ** 0.5, complex('1+1j') ** 2, abs(complex(float('inf'), float('nan'))))
for bad in [lambda: complex('1', '2'), lambda: complex(None), lambda: complex([]), lambda: complex(1, None), lambda: abs(1e308 + 1e308j) * 0 + abs(complex(1e308, 1e308))]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
