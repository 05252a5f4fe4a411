# str methods matrix: each method over a set of sample strings.
samples = ['', 'abc', 'Hello World', '  pad  ', 'a,b,,c', 'ÄÖÜ ßtraße', 'ǅungla', 'tab\tsep\tx', 'line1\nline2\r\nline3\r', 'x' * 3, '123', '١٢٣', '½']
for s in samples:
    print(repr(s))
    print(' ', s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
    print(' ', s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
    print(' ', s.split(), s.split(','), s.rsplit(None, 1), s.splitlines(), s.splitlines(True), s.partition(' '), s.rpartition('a'))
    print(' ', s.strip(), s.lstrip(' a'), s.rstrip('x '), s.center(13, '*'), s.ljust(12, '-'), s.rjust(12), s.zfill(8))
    print(' ', s.find('a'), s.rfind('a'), s.count('a'), s.count(''), s.startswith(('a', 'H')), s.endswith('c'), s.replace('a', 'A', 1), s.expandtabs(4))
    print(' ', s.removeprefix('ab'), s.removesuffix('ld'), s.encode('utf-8'), len(s), s[::-1], s.index('') if s else 0)
print('-'.join(['a', 'b']), ', '.join(map(str, range(4))), 'abc'.translate(str.maketrans('abc', 'xyz', 'b')), str.maketrans({'a': 'b', 98: None}))
print('%s|%r|%a' % ('é', 'é', 'é'), 'a{0}b{1}{0}'.format(1, 2), '{x!r:>6}'.format(x='q'), 'ab'.format_map({}), '{a}'.format_map({'a': 5}))
for bad in [lambda: 'abc'.index('z'), lambda: 'abc'.rindex('z'), lambda: ''.join([1]), lambda: 'a'.center(5, 'ab'), lambda: 'a'.split(''),
            lambda: 'a'.replace(1, 2), lambda: 'a'.startswith(['a']), lambda: 'a' * 'b', lambda: 'a' + 1, lambda: 'abc'.encode('utf-8', 'bogus').hex()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(str) if not n.startswith('_')))
