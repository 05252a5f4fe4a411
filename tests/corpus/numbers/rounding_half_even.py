# round() half-to-even on floats and ints and float formatting rounding of .5 cases.
print([round(i + 0.5) for i in range(-5, 6)])
print([round(x, 1) for x in [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]])
print([round(n, -1) for n in [5, 15, 25, 35, -5, -15, 45, 55]])
print([round(n, -2) for n in [50, 150, 250, 1050, 2050, -250]])
print(['%.1f' % x for x in [0.05, 0.15, 0.25, 0.35, 0.45]], ['%.0f' % x for x in [0.5, 1.5, 2.5, 3.5]])
print([format(x, '.2f') for x in [1.005, 1.015, 1.025, 2.675, 0.125, 0.135]])
print(round(0.5), round(-0.5), round(1.5), round(-1.5), round(2 ** 52 + 0.5), round(1e16 + 1))
print(round(123.456, 5), round(123.456, 20), round(123.456, -5), round(-123.456, -1), round(1e300, -300))
for x in [2.5, 3.5, -2.5, 0.125, 1e-20]:
    print(x, round(x), round(x, 2), round(x, -1))
