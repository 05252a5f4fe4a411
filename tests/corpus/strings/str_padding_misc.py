# zfill/center/ljust/rjust/expandtabs with odd inputs, str * n, str comparisons and ordering of non-ASCII.
for s in ['', '-', '+5', '-42', 'abc', '--1', 'é', '12\t34\t5']:
    print(repr(s), s.zfill(5), s.center(6, '.'), s.center(7), s.ljust(4, 'é'), s.rjust(0), s.expandtabs(), s.expandtabs(0), s.expandtabs(3), repr(s * 2), s * -1)
print(sorted(['b', 'a', 'B', 'é', 'e', 'Z', '日', '😀', '']), 'a' < 'b' < 'é' < '日' < '😀', 'abc' < 'abd', 'ab' < 'abc', max('hello'), min('hello'))
print('ab' * 3, 3 * 'ab', 'x' * 0, 'x' * True, ''.join(reversed('abc')), 'abc'[::-1], 'abcdef'[1:5:2], 'abcdef'[-2:], 'abcdef'[10:], 'abc'[-10:2])
k = 'x'
for bad in [lambda: 'a'.center(5, ''), lambda: 'a'.zfill('5'), lambda: 'a'.ljust(3, 1), lambda: 'a' * 1.5, lambda: 'a'.expandtabs('x'), lambda: 'abc'[5], lambda: 'abc'[k], lambda: 'a' < 1]:
    try:
        print(bad())
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
