# break/continue inside nested loops with try/finally in between.
for i in range(4):
    for j in range(4):
        try:
            if j == 2:
                continue
            if i == 2:
                break
            print('body', i, j)
        finally:
            print('finally', i, j)
    print('end outer', i)
total = 0
for i in range(100):
    if i % 2:
        continue
    if i > 20:
        break
    total += i
print('total', total)
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(search(g, 6), search(g, 10))
i = 0
while i < 10:
    i += 1
    try:
        if i == 3:
            break
    finally:
        print('while finally', i)
