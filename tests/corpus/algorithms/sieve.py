# Sieve of Eratosthenes up to 100000 with summary statistics.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(100000)
print(len(ps), ps[:20], ps[-5:], sum(ps))
gaps = {}
for a, b in zip(ps, ps[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:10])
print(max(gaps), [p for p in ps[:200] if p + 2 in set(ps[:201])][:10])
twins = sum(1 for a, b in zip(ps, ps[1:]) if b - a == 2)
print('twin pairs', twins)
