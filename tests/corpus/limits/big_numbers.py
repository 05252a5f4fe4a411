# Big integers: 2**1000, factorial(200), huge division and modulo, digit sums.
p = 2 ** 1000
print(p)
print(len(str(p)), sum(int(d) for d in str(p)))
f = 1
for i in range(2, 201):
    f *= i
print(f)
print(len(str(f)), sum(map(int, str(f))), len(str(f)) - len(str(f).rstrip('0')))
q, r = divmod(f, p)
print(q)
print(r)
print(q * p + r == f, f // 3 ** 100, f % (10 ** 50 + 151))
print(-f // p, -f % p == p - r)
big = 7 ** 2000
print(str(big)[:40], str(big)[-40:], len(str(big)), big.bit_length())
print((big - 1) // (big // 7 ** 1000), big // big, big % 1000007)
