# Uncaught TypeError for unsupported operand types between int and str.
print(1 + 2.5, 'a' * 3, [1] + [2])
def add(a, b):
    return a + b
print(add(1, 2))
print(add('x', 'y'))
print(add(1.5, 2), add([1], [2]), add((1,), (2,)))
print(add(True, 1), add('', ''))
print(type(3).__name__, type('four').__name__)
print(add(3, 'four'))
