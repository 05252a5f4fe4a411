# Bitwise operators and shifts on negative and huge ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2**64 - 1, -2**64, 2**100 + 12345, -(2**100) - 7]
for a in vals[:6]:
    print(a, [a & b for b in vals], [a | b for b in vals])
    print([a ^ b for b in vals], ~a)
for a in vals:
    print(a >> 1, a >> 65, a << 3, a >> 200, (a << 70) >> 70 == a)
print(-1 >> 10**9, 1 >> 10**20, 0 << 10**20)
for a, b in [(1, -1), (1, 2**64), (-1, -3)]:
    try:
        print(a << b)
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(1 << 2**63)
except Exception as e:
    print(type(e).__name__, e)
print(bin(-37 & 0xff), hex(-(2**70) | 0xf), oct(~2**65), (-2**64) ^ (2**64 - 1))
print(True & 3, True | False, True ^ True, ~True, -True >> 1)
