# List and dict operations: append, index, dict get/set, iteration.
items = []
for i in range(100000):
    items.append(i % 1000)
counts = {}
for x in items:
    counts[x] = counts.get(x, 0) + 1
total = 0
for i in range(len(items)):
    total += items[i]
print(len(counts), total, sorted(counts.values())[:3])
