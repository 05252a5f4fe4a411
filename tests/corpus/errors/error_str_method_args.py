# Uncaught TypeError from a str method called with a wrong argument type.
words = ['a', 'b', 'c']
print('-'.join(words))
print(', '.join([1, 2, 3]))
