# input() with an empty stdin raises EOFError uncaught.
for word in ['alpha', 'beta']:
    print(word.upper(), word[::-1])
prompts = ['first', 'second']
for p in prompts:
    print('would ask for', p, len(p))
print(repr(input.__name__), callable(input))
print('reading')
line = input('> ')
print('got', line)
