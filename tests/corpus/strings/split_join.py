# str.split/rsplit with and without sep and maxsplit; join with various iterables.
s = '  the quick  brown\tfox\njumps  '
print(s.split(), s.split(' '), s.split(None, 2), s.rsplit(None, 2))
print('a,b,,c,'.split(','), 'a,b,,c,'.split(',', 1), 'a,b,,c,'.rsplit(',', 1), 'a,b,,c,'.rsplit(',', maxsplit=2))
print(''.split(), ''.split(','), '   '.split(), ','.split(','), 'abc'.split('abc'))
print('a--b--c'.split('--'), 'a--b--c'.split('--', -1), 'aaa'.split('a'), 'x y z'.split(maxsplit=0))
print('1 2 3'.rsplit(maxsplit=1), 'one'.rsplit(), '  lead'.rsplit(' ', 1))
try:
    'abc'.split('')
except ValueError as e:
    print(type(e).__name__, e)
print('-'.join(['a', 'b', 'c']), ''.join('xyz'), ', '.join(str(i) for i in range(4)), '|'.join([]), ' '.join(('solo',)))
print('.'.join({'k1': 1, 'k2': 2}), '+'.join(map(str, [1.5, 2])))
try:
    '-'.join(['a', 2, 'c'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    '-'.join(5)
except TypeError as e:
    print(type(e).__name__, e)
