# find/rfind/index/rindex/count with start and end arguments, and negative indices.
s = 'abracadabra'
print(s.find('a'), s.find('a', 1), s.find('a', 1, 3), s.find('bra', 2), s.find('z'), s.find(''), s.find('', 20))
print(s.rfind('a'), s.rfind('a', 0, 10), s.rfind('bra'), s.rfind('z'), s.rfind(''), s.rfind('a', -5, -1))
print(s.index('c'), s.index('a', 4), s.rindex('a', 0, -1), s.index('abra', 1))
print(s.count('a'), s.count('a', 3), s.count('a', 3, 8), s.count('abra'), s.count(''), s.count('', 5), 'aaaa'.count('aa'))
print(s.find('a', -3), s.find('a', 100), s.count('a', -4, -1), s.find('cad', None, None))
for args in [('z',), ('a', 11), ('abra', 1, 5)]:
    try:
        print(s.index(*args))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    s.rindex('q')
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.find(1)
except TypeError as e:
    print(type(e).__name__, e)
print('a' in s, 'cad' in s, s.startswith('abr'), s.endswith('bra'))
