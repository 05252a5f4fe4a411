# Euclid's gcd (iterative and recursive), lcm, extended gcd and modular inverse checks.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def gcd_rec(a, b):
    return abs(a) if b == 0 else gcd_rec(b, a % b)
def lcm(a, b):
    return abs(a * b) // gcd(a, b) if a and b else 0
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
pairs = [(12, 18), (17, 5), (0, 9), (-24, 36), (2 ** 64, 6 ** 30), (1071, 462), (10 ** 30 + 1, 10 ** 20 + 7)]
for a, b in pairs:
    g, x, y = egcd(a, b)
    print(a, b, gcd(a, b), gcd_rec(a, b), lcm(a, b), g, a * x + b * y == g)
r = 1
for i in range(1, 31):
    r = lcm(r, i)
print('lcm(1..30) =', r)
for m in [7, 11, 26, 97]:
    print(m, [pow(a, -1, m) for a in range(1, m) if gcd(a, m) == 1][:8])
