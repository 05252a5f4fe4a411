# split/rsplit/splitlines/partition edge cases: maxsplit, separators, whitespace kinds, line boundaries.
texts = ['', ' ', 'a', '  a  b  ', 'a,b,,c,', ',', 'a\tb\nc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u3000k', 'one\r\ntwo\rthree\nfour\r\n']
for t in texts:
    print(repr(t), t.split(), t.split(None, 1), t.rsplit(None, 1), t.split(','), t.split(',', 1), t.rsplit(',', 1), t.split(maxsplit=0), t.rsplit(sep=',', maxsplit=-1))
    print('  ', t.splitlines(), t.splitlines(keepends=True), t.partition(','), t.rpartition(','), t.split('a,'), t.count(','), t.strip(' ,'))
for bad in [lambda: 'a'.split(''), lambda: 'a'.rsplit(''), lambda: 'a'.partition(''), lambda: 'a'.split(1), lambda: 'a'.split(None, 'x'), lambda: 'a'.rpartition(None)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
