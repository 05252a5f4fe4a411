# Uncaught TypeError from a str method called with a wrong argument type.
print('|'.join(['only']), repr(''.join(['', ''])))
print('.'.join(('a', 'b')), '/'.join({'k': 1}))
print(' '.join(reversed(['x', 'y', 'z'])))
print(' '.join(['x', 'y']), '+'.join('abc'), ''.join([]))
print(', '.join(str(n) for n in [1, 2, 3]))
print('-'.join(map(str, range(4))))
words = ['a', 'b', 'c']
print('-'.join(words))
print(', '.join([1, 2, 3]))
