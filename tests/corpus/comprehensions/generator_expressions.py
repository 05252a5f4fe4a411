# Generator expressions: laziness, single consumption, use in calls and with conditions.
log = []
def noisy(x):
    log.append(x)
    return x
g = (noisy(x) for x in range(5))
print(log)
print(next(g), log)
print(list(g), log)
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all(x < 8 for x in range(10)))
print(max((len(s), s) for s in ['aa', 'b', 'cccc', 'dd']))
print(','.join(str(i) for i in range(5)))
g2 = (c.upper() for c in 'abc')
print(list(g2), list(g2))
print(sorted((y for y in (3, 1, 2)), reverse=True))
print(tuple(i for i in range(3)), set(i % 2 for i in range(5)))
print(list((a, b) for a in range(3) for b in range(3) if a < b))
