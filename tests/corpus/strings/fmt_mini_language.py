# format() mini-language matrix over ints, floats and strings, with nested fields.
ints = [0, 7, -42, 255, 10**20, -(2**70)]
for n in ints:
    print([format(n, spec) for spec in ['', 'd', '+d', ' d', '08d', '_d', ',d', 'x', '#X', '#o', '#b', '>10', '<10', '^10', '*^11,', '=+12', 'c' if 0 <= n < 0x110000 else 'd', 'n', '%', '.3e', 'g', '#010x', '_b']])
floats = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e22, float('inf'), float('nan'), 2.5, 0.125]
for x in floats:
    print([format(x, spec) for spec in ['', 'f', '.2f', '+.1f', 'e', '.3E', 'g', '.3g', '#g', '%', '.1%', '010.2f', ',.2f', '_.3f', '>12', '^12.1e', 'z.1f', '#.0f', '.0e', 'G', 'n', '=+10.2f']])
strs = ['', 'abc', 'héllo']
for s in strs:
    print([format(s, spec) for spec in ['', '5', '<5', '>5', '^7', '*^7', '.2', '10.1', 's']])
w, p = 10, 3
print(f'{3.14159:{w}.{p}f}|{"x":{"^"}{w}}|{12345:{","}}|{255:#{"x"}}|{-1:{"+"}}', '{0:{1}.{2}f}'.format(2.71828, 8, 2), '{:{}{}}'.format('a', '>', 4))
print('{0[1]} {0[a]} {1.real} {x[0][1]}'.format([1, 2], 3 + 4j, x=['ab']) if False else '{0[1]} {1.real} {x[0][1]}'.format([1, 2], 3 + 4j, x=['ab']))
print(f'{1+1=}', f'{"a"!r:>5}', f'{"é"!a}', f'{3.0!s:>4}', f'{  7 = }', f'{[1,2]=!s}', f'{10:=^+9}')
for args in [(1, 'z'), (1.5, 'd'), ('a', 'd'), (1, ',x'), ('a', '='), (1, '.2d'), (1.5, 'c'), ('s', '+'), (1, '_,'), (3, '.-1f')]:
    try:
        print(format(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for t in ['{', '}', '{0', '{0!x}', '{!}', '{0:{1:{2}}}', '{a.}', '{0[}']:
    try:
        print(t.format(1, 2, 3, a=1))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
