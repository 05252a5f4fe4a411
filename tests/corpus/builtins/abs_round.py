# abs() and round(): half-even rounding, ndigits, negative ndigits, int vs float results.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-10 ** 30))
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994]])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(3.14159, 3))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(5, 2), round(5.0), type(round(5.0)).__name__, type(round(5.0, 0)).__name__, round(5.0, 0))
print(round(123456, -3), round(-0.4), round(0.0), round(1e20), round(12345.6789, 1))
print(round(2.5, None), round(1 / 3, 10), round(-1e-10, 5), round(10 ** 30 + 5, -1))
print(round(float('inf'), 2), round(float('nan'), 1))
for bad in [float('inf'), float('nan')]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round('1.5')
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs('x')
except TypeError as e:
    print(type(e).__name__, e)
