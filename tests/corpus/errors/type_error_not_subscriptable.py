# Uncaught TypeError: object is not subscriptable.
def first(x):
    return x[0]
print(first('abc'), first([9]))
print(first(None))
