# complex: arithmetic, repr, abs, pow, conversion and errors.
zs = [0j, 1 + 2j, -1.5 - 0.5j, complex(3, -0.0), complex(-0.0, 0.0), 1e300 + 1e300j, complex('inf'), complex(float('nan'), 1), 2j, -3j]
for z in zs:
    print(repr(z), str(z), abs(z) if z == z else 'nan', z.conjugate(), z.real, z.imag, -z, +z, z == z, hash(z) if z == z else None)
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** b, b ** 0.5, (1 + 1j) ** 8, pow(2j, 3), 2 ** (1 + 1j), 1j ** 1j)
print(complex('1+2j'), complex(' (3-4j) '), complex('-1.5e3j'), complex(2, 3), complex(1j, 1j), complex('j'), complex('-j'), complex(True))
print(a == 1 + 2j, a != b, 1 + 0j == 1, hash(1 + 0j) == hash(1), (0j == 0.0), abs(3 + 4j), format(1 + 2j, '.2f'), format(3 - 4j, '>12'), f'{1.5j:g}')
for bad in [lambda: a < b, lambda: 1 / 0j, lambda: 0j ** -1, lambda: complex('1+'), lambda: complex('1', 2), lambda: int(a), lambda: float(a),
            lambda: a // 2, lambda: a % 2, lambda: divmod(a, 2), lambda: complex(1, 'x'), lambda: round(a), lambda: 10 ** 400 * 1j, lambda: (1e308 + 1e308j) * (1e308 + 1e308j)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
