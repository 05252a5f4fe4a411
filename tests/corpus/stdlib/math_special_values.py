# math: erf, erfc, gamma, lgamma, cbrt and the inverse hyperbolics over many inputs
import math

s = 2024
def rnd():
    global s
    s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
    return (s >> 11) / 2**53

acc = []
for i in range(3000):
    x = (rnd() * 2 - 1) * [0.5, 1.3, 3.0, 7.0, 30.0, 180.0][i % 6]
    row = [math.erf(x), math.erfc(x), math.asinh(x), math.cbrt(x * 1e5 ** (i % 7 - 3))]
    try:
        row.append(math.gamma(x))
    except (ValueError, OverflowError) as e:
        row.append(type(e).__name__)
    try:
        row.append(math.lgamma(x))
    except (ValueError, OverflowError) as e:
        row.append(type(e).__name__)
    row.append(math.acosh(abs(x) + 1.0))
    row.append(math.atanh(x / 181.0))
    acc.append(" ".join(map(repr, row)))
    if i % 300 == 0:
        print(repr(x), acc[-1])
# A digest of everything, so one differing bit anywhere shows.
h = 0
for line in acc:
    for ch in line:
        h = (h * 1000003 + ord(ch)) % 2**61
print(len(acc), h)
for x in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1e-21, -1e-21, 171.0, 171.7, 172.0, -170.5, -200.5, -1e300]:
    try:
        print(repr(x), repr(math.gamma(x)), repr(math.lgamma(x)))
    except (ValueError, OverflowError) as e:
        print(repr(x), type(e).__name__)
