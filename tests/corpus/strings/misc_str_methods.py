# Remaining str methods: translate/maketrans, index helpers, format_map, count overlapping, comparisons.
table = str.maketrans('abc', 'xyz', 'd')
print('abcdcba'.translate(table), str.maketrans({'a': '1', 'b': None}) == {97: '1', 98: None})
print('hello'.translate({ord('l'): 'L', ord('o'): None}), 'abc'.translate(str.maketrans({'a': 'AA'})))
print('{x}-{y}'.format_map({'x': 1, 'y': 2}))
print('a' < 'b' < 'ba' < 'c', 'Z' < 'a', sorted(['b', 'A', 'a', 'B', '_', '1']))
print(str.upper('abc'), str.join(',', 'ab'), 'x'.__len__(), 'ab'.__contains__('b'))
print('%'.join(['a', 'b']), 'tab\tsep'.split('\t'), 'CamelCaseString'.swapcase())
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    '{x}'.format_map({})
except KeyError as e:
    print(type(e).__name__, e)
