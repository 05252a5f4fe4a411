# Rebinding the loop variable or the iterable inside a for loop does not affect iteration.
items = [1, 2, 3]
for x in items:
    print(x)
    x = 100
    items = ['replaced']
print(items, x)
r = range(4)
for i in r:
    i *= 10
    print(i)
n = 3
for i in range(n):
    n = 0
    print('i', i, 'n', n)
