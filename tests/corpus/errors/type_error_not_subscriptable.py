# Uncaught TypeError: object is not subscriptable.
print((1, 2)[0], {'k': 'v'}['k'], 'xyz'[-1])
print(hasattr(None, '__getitem__'))
def first(x):
    return x[0]
print(first('abc'), first([9]))
print(first(range(5, 9)), first({0: 'zero'}))
print(first(b'AB'), first(((1, 2),)))
print(type(None).__name__)
print(first(None))
