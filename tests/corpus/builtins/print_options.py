# print() with sep, end, file=sys.stderr, flush, and multiple/zero arguments.
import sys
print()
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=' | ')
print('no newline', end='')
print(' <- continued', end='!\n')
print(1, 2.5, None, True, [1, 'x'], (1,), {'k': 'v'}, sep=', ')
print('to stderr', 42, file=sys.stderr)
print('flushed', flush=True)
print('x', 'y', sep=None, end=None)
print(*range(5), sep='-')
print(*'abc')
print('multi\nline\ttab')
print('err2', file=sys.stderr, end='##\n', sep='+')
print('', end='')
print(sep='x')
try:
    print('a', sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print('a', end=[])
except TypeError as e:
    print(type(e).__name__, e)
print(file=None)
