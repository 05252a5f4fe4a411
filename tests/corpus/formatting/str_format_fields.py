# str.format: automatic/explicit positional fields, named fields, attribute and index access, conversions.
print('{} {} {}'.format(1, 'two', 3.0), '{2} {1} {0}'.format('a', 'b', 'c'), '{0}{1}{0}'.format('ab', '-'))
print('{name} is {age}'.format(name='Bob', age=42), '{0[1]} {0[key]}'.format({1: 'one', 'key': 'val'}))
print('{0[0]}{0[2]}'.format('xyz'), '{a[1][0]}'.format(a=[[1], [2, 3]]), '{.real}'.format(5), '{0.imag}'.format(3j))
class P:
    def __init__(self):
        self.x, self.y = 1, 2
    def __str__(self):
        return 'P-str'
    def __repr__(self):
        return 'P-repr'
print('{0.x},{0.y}'.format(P()), '{p.x}'.format(p=P()), '{!s} {!r} {!a}'.format(P(), P(), 'é'), '{0!r:>10}'.format('s'))
print('{{literal}} {} {{{}}}'.format(1, 2), '{:{}}|'.format('x', 5), '{:{w}.{p}f}'.format(3.14159, w=10, p=2))
print('{0:*^{1}}'.format('mid', 11), '{}'.format([1, {'a': (2,)}]))
bad = [lambda: '{}{}'.format(1), lambda: '{0}{}'.format(1, 2), lambda: '{x}'.format(y=1), lambda: '{0[5]}'.format([1]),
       lambda: '{!z}'.format(1), lambda: '{'.format(), lambda: '}'.format(), lambda: '{0.missing}'.format(1),
       lambda: '{:d}'.format('s'), lambda: '{:s}'.format(1), lambda: '{2}'.format(1, 2)]
for b in bad:
    try:
        print(b())
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
