# Uncaught TypeError: 'int' object is not callable after shadowing a function name.
def total(xs):
    return sum(xs)
print(total([1, 2]))
total = 3
print(total([1, 2]))
