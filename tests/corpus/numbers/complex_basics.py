# Complex numbers: literals, arithmetic, abs, conjugate, repr (kept simple).
z = 3 + 4j
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w, abs(z), z.conjugate(), z.real, z.imag)
print(1j * 1j, (1 + 1j) ** 2, complex(1, 2), complex('3+4j'), complex(), -0j, 2j == 2j, 1 + 0j == 1)
print(repr(complex(0, -0.0)), repr(1e20j), repr(complex(float('inf'), float('nan'))))
try:
    z < w
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex('1 + 2j')
except ValueError as e:
    print(type(e).__name__, e)
try:
    z // 2
except TypeError as e:
    print(type(e).__name__, e)
