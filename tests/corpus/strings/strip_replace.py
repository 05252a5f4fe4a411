# strip/lstrip/rstrip with and without chars, replace with count, removeprefix/removesuffix.
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcHELLOcba'.strip('abc'), '..a..'.lstrip('.'), '..a..'.rstrip('.'), 'aaa'.strip('a') == '')
print('www.example.com'.strip('cmowz.'), 'path///'.rstrip('/'), repr(''.strip()), '  x  '.strip(None))
print('a-b-c-d'.replace('-', '+'), 'a-b-c-d'.replace('-', '', 2), 'aaa'.replace('a', 'bb', 1), 'abc'.replace('', '-'))
print('abc'.replace('', '-', 2), 'hello'.replace('l', 'L', 0), 'hello'.replace('l', 'L', -1), 'x'.replace('y', 'z'))
print('TestCase'.removeprefix('Test'), 'TestCase'.removeprefix('case'), 'file.py'.removesuffix('.py'), 'a'.removesuffix(''))
print('\u3000ideographic space\u3000'.strip(), repr('\x1c\x1dseps\x1e\x1f'.strip()), repr('\xa0nbsp\xa0'.strip()))
try:
    'abc'.strip(5)
except TypeError as e:
    print(type(e).__name__, e)
