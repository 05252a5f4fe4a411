# ASCII Mandelbrot set on a small grid using float arithmetic.
def mandel(cx, cy, limit=60):
    x = y = 0.0
    for i in range(limit):
        x2, y2 = x * x, y * y
        if x2 + y2 > 4.0:
            return i
        y = 2 * x * y + cy
        x = x2 - y2 + cx
    return limit
chars = ' .:-=+*#%@'
total = 0
for row in range(24):
    y = -1.2 + row * 0.1
    line = ''
    for col in range(64):
        x = -2.1 + col * 0.045
        it = mandel(x, y)
        total += it
        line += chars[it * (len(chars) - 1) // 60]
    print(line.rstrip())
print('total iterations', total)
