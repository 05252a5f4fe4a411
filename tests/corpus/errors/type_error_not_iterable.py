# Uncaught TypeError: object is not iterable in a for loop.
def total(xs):
    t = 0
    for x in xs:
        t += x
    return t
print(total([1, 2, 3]))
print(total(7))
