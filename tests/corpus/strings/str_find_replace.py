# find/index/count/replace with start/end (negative, out of range, None), empty needles, count limits.
s = 'abracadabra'
for args in [('a',), ('a', 1), ('a', -3), ('a', 2, 5), ('', 0), ('', 11), ('', 12), ('bra', -20, 100), ('a', None, None), ('x',), ('abra', 7), ('', 5, 2)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args), s.startswith(*args), s.endswith(*args))
print(s.replace('a', 'A'), s.replace('a', 'A', 2), s.replace('a', 'A', 0), s.replace('a', 'A', -1), s.replace('', '-'), s.replace('', '-', 3), ''.replace('', 'x'), s.replace('bra', ''))
print(s.index('c'), s.rindex('a', 0, 5), 'aaa'.count('aa'), 'aaaa'.replace('aa', 'b'), s.startswith(('x', 'ab')), s.endswith(('ra', 'x'), 5), s.find('a', 10**20), s.count('a', -10**20))
for bad in [lambda: s.index('z'), lambda: s.rindex('a', 1, 2) if False else s.rindex('c', 6), lambda: s.find(1), lambda: s.startswith(1), lambda: s.count('a', 'b'), lambda: s.replace('a'), lambda: s.startswith(('a', 1))]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
