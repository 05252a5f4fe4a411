# str.format: positional/keyword/auto numbering, attribute and index lookup, conversions, nested specs, errors.
class P:
    x = 5
    def __format__(self, spec):
        return f'P[{spec}]'
    def __repr__(self):
        return 'P()'
print('{} {} {}'.format(1, 'a', None), '{1}{0}{1}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0.x} {0!r} {0:abc} {0!s:>5}'.format(P()))
print('{0[0]}{0[1]}{1[k]}'.format('ab', {'k': 'v'}), '{:{w}.{p}}'.format(3.14159, w=8, p=3), '{!a}'.format('é'), '{:}'.format(12))
print('{{}} {{{0}}}'.format(7), '{0:{0}}'.format(5), '{:%}'.format(0.25), '{:,}'.format(1234567.5), '{:_x}'.format(2**40), '{:c}'.format(9731))
print(format(P(), 'zz'), format(1234, ''), format('x', '^5'), '{0:>{1}}'.format('r', 4), str.format('{}', 1))
for t, a, k in [('{0}{}', (1, 2), {}), ('{}{0}', (1, 2), {}), ('{2}', (1,), {}), ('{x}', (), {}), ('{0.y}', (P(),), {}), ('{0[5]}', ([1],), {}),
                ('{:d}', ('a',), {}), ('{!z}', (1,), {}), ('{0:{1}{2}{3}}', (1, '', '', ''), {}), ('{:>{}}', (1,), {}), ('}{', (), {}), ('{0[}', (1,), {})]:
    try:
        print(t.format(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
print('{:>10}'.format(P()), '{:*<6}'.format(True), '{:5}'.format(True), '{:d}'.format(True), '{:.2}'.format('abc'), '{:.0%}'.format(1))
print('x'.format_map({'a': 1}), '{a}'.format_map(type('D', (dict,), {'__missing__': lambda s, k: k.upper()})()))
