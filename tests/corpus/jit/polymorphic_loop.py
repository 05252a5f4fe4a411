# Loops whose values change type between iterations: int, float, bool, None and objects.
values = [1, 2.5, True, 3, None, 4.25, 7, "s", 10**20, -3, 0.0, False]
total = 0
count = 0
for v in values * 50:
    if v is None or v == "s":
        count += 1
        continue
    total = total + v
print(total, count)

def mixed(n):
    x = 0
    for i in range(n):
        if i % 3 == 0:
            x = x + 1
        elif i % 3 == 1:
            x = x + 0.5
        else:
            x = x * 1
    return x
print(mixed(3001))

def nan_loop(n):
    x = 0.0
    inf = float("inf")
    for i in range(n):
        if i == n // 2:
            x = inf - inf
        else:
            x = x + 1.0
    return x
print(nan_loop(2000))

def truthiness(items):
    hits = 0
    for it in items:
        if it:
            hits += 1
        if not it:
            hits -= 2
    return hits
print(truthiness([0, 1, 2.0, 0.0, -1, True, False] * 300))

grid = [[i * j for j in range(5)] for i in range(5)]
s = 0
for row in grid * 40:
    for cell in row:
        s += cell
print(s)
