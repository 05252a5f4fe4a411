# Collatz sequence lengths, the longest chain under 30000, and a cache dict.
cache = {1: 1}
def length(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    base = cache[n]
    for i, v in enumerate(reversed(path)):
        cache[v] = base + i + 1
    return cache[path[0]] if path else base
print([length(i) for i in range(1, 21)])
best = max(range(1, 30000), key=length)
print(best, length(best))
seq = [27]
while seq[-1] != 1:
    n = seq[-1]
    seq.append(n // 2 if n % 2 == 0 else 3 * n + 1)
print(len(seq), max(seq), seq[:12])
