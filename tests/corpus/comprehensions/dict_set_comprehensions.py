# Dict and set comprehensions, including key collisions and nested comprehensions.
print({x: x * x for x in range(6)})
print({x % 3: x for x in range(10)})
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({x % 5 for x in range(20)})
print(sorted({c for c in 'mississippi'}))
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
nested = {i: {j: i * j for j in range(3)} for i in range(3)}
print(nested)
print({w: len(w) for w in 'the quick brown fox'.split()})
counts = {}
for ch in 'abracadabra':
    counts[ch] = counts.get(ch, 0) + 1
print({k: counts[k] for k in sorted(counts)})
print(frozenset(x * 2 for x in range(4)) == {0, 2, 4, 6})
