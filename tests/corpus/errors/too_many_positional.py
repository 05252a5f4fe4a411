# Uncaught TypeError: f() takes 2 positional arguments but 3 were given.
def g(*args):
    return len(args)
print(g(), g(1, 2, 3))
def f(a, b):
    return a * b
print(f(2, 3))
print(f(*[4, 5]), f(b=2, a=3))
print(f.__code__.co_argcount)
print(f(1, 2, 3))
