# Bitwise & | ^ ~ on positive and negative ints, including big ints.
vals = [0, 1, 5, 12, -1, -5, -12, 255, -256]
for a in vals:
    print(a, [a & b for b in vals])
    print(a, [a | b for b in vals])
    print(a, [a ^ b for b in vals])
print([~v for v in vals])
big = 2 ** 100 + 12345
print(big & -big, big | -1, big ^ -1, ~big)
print(-big & 0xFFFF, -big | 0xFF, (-big) ^ big)
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
x = 0xF0
x &= 0x3C
print(x)
x |= 0x01
print(x)
x ^= 0xFF
print(x)
try:
    print(1.0 & 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(~1.5)
except TypeError as e:
    print(type(e).__name__, e)
