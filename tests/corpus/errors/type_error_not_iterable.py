# Uncaught TypeError: object is not iterable in a for loop.
print(iter([1]) is not None, list('ab'))
def total(xs):
    t = 0
    for x in xs:
        t += x
    return t
print(total([1, 2, 3]))
print(total(range(4)), total((1.5, 2.5)))
print(total(7))
