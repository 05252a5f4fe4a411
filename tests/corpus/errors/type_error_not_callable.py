# Uncaught TypeError: 'int' object is not callable after shadowing a function name.
print(callable(sum), callable(3))
def total(xs):
    return sum(xs)
print(total([1, 2]))
print(total([10, 20]), total.__name__)
print([f(1) for f in (abs, str, bool)])
print(callable(total), callable(len))
total = 3
print(total([1, 2]))
