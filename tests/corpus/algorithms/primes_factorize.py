# Trial-division factorization, divisor sums, perfect numbers and prime counting.
def factorize(n):
    f = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        f.append(n)
    return f
for n in [1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143, 2 ** 31 - 1]:
    print(n, factorize(n))
def sigma(n):
    s = 1
    for p in set(factorize(n)):
        e = factorize(n).count(p)
        s *= (p ** (e + 1) - 1) // (p - 1)
    return s
print([n for n in range(2, 10000) if sigma(n) - n == n])
print(sum(1 for n in range(2, 5000) if len(factorize(n)) == 1))
