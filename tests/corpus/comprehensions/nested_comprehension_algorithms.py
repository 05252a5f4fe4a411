# Algorithms written with nested comprehensions: transpose, primes, pythagorean triples, flatten.
def transpose(m):
    return [[row[i] for row in m] for i in range(len(m[0]))]
print(transpose([[1, 2, 3], [4, 5, 6]]))
primes = [n for n in range(2, 80) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
nested = [[1, [2]], [3, 4], [[5, 6], 7]]
print([y for x in nested for y in x])
table = [[f'{i}x{j}={i * j}' for j in range(1, 4)] for i in range(1, 4)]
for row in table:
    print(' '.join(row))
print({n: [d for d in range(1, n + 1) if n % d == 0] for n in range(1, 13)})
print(sum(1 for a in range(10) for b in range(10) if (a + b) % 7 == 0))
