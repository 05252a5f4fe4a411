# Uncaught exception inside a list comprehension (frame listed in traceback).
print([[i * j for j in range(3)] for i in range(3)])
print(sum(1 / v for v in [2, 4]))
print([v * 2 for v in range(5)])
print([1 / v for v in [8, 4, 2]])
print({v: 1 / v for v in [1, 2]})
def invert_all(values):
    return [1 / v for v in values]
print(invert_all([1, 2, 4]))
print(invert_all([5, 0, 3]))
