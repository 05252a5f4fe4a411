# List comprehensions with conditions, nesting, multiple for clauses and expressions.
print([x * 2 for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
words = ['apple', 'Banana', 'cherry', 'date']
print([w.upper() if len(w) > 4 else w for w in words])
print([len(w) for w in words], [w[0] for w in words if w[0].islower()])
print([i for i in 'hello' if i not in 'aeiou'])
print([x for x in []], [[] for _ in range(2)])
print([(lambda v: v + 1)(x) for x in range(3)])
x = 'unchanged'
print([x for x in 'ab'], x)
