# CPU-bound loops: one million iterations of integer arithmetic, and string/list building.
total = 0
for i in range(1000000):
    total += i * i % 7
print(total)
x = 0
i = 0
while i < 300000:
    x = (x * 31 + i) % 1000003
    i += 1
print(x)
acc = []
for i in range(100000):
    if i % 3 == 0:
        acc.append(i)
print(len(acc), sum(acc))
s = 0.0
for k in range(1, 200001):
    s += (-1) ** (k + 1) / (2 * k - 1)
print(4 * s)
