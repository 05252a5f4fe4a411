# math: gcd, lcm, isqrt, factorial, comb, perm and logs of huge ints
import math

print(math.gcd(), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 30), math.gcd(0, 0))
print(math.gcd(2**100 * 3, 2**80 * 9), math.gcd(1, "x" if False else 5, 7), math.gcd(True, 4))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(2**64, 3**40))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 10**20 - 1, 2**200 + 1]])
print(math.isqrt(10**101), math.isqrt(True))
print([math.factorial(n) for n in range(12)], math.factorial(25))
print(math.factorial(2000).bit_length(), math.factorial(2000) % (10**9 + 7), math.factorial(100) % 10**40 == 0)
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 11), math.comb(100, 50), math.comb(10**20, 2))
print(math.comb(2**70, 3) == (2**70) * (2**70 - 1) * (2**70 - 2) // 6, math.comb(60, 30))
print(math.perm(5), math.perm(5, None), math.perm(5, 2), math.perm(5, 6), math.perm(10**20, 2), math.perm(0, 0))

class Idx:
    def __index__(self):
        return 7
print(math.factorial(Idx()), math.gcd(Idx(), 21), math.comb(Idx(), 2), math.isqrt(Idx()))

print(repr(math.log(10**400)), repr(math.log2(2**2000)), repr(math.log10(10**500)))
print(repr(math.log(2**1023 * 3)), repr(math.log(10**30, 10)), repr(math.log(8, 2)), repr(math.log(2**5000, 2**100)))
print(repr(math.log2(3**1000)), repr(math.log10(7**900)), repr(math.log(True)), repr(math.log(2**1024 - 1)))

bad = [
    lambda: math.factorial(-1), lambda: math.factorial(1.0), lambda: math.factorial(10**20),
    lambda: math.isqrt(-1), lambda: math.isqrt(1.5), lambda: math.comb(-1, 2), lambda: math.comb(5, -1),
    lambda: math.comb(10**20, 10**19), lambda: math.perm(5, -1), lambda: math.perm(-5, 1),
    lambda: math.perm(10**20, 10**19), lambda: math.gcd(1.5), lambda: math.lcm("a"), lambda: math.comb(5),
    lambda: math.factorial(), lambda: math.gcd(4, x=2), lambda: math.comb(5.0, 2),
]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
