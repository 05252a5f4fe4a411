# input() with an empty stdin raises EOFError uncaught.
print('reading')
line = input('> ')
print('got', line)
