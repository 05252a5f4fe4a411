# Uncaught IndexError from a list index out of range in a loop.
items = ['a', 'b', 'c']
for i in range(5):
    print(i, items[i])
