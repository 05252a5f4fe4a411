# printf-style % formatting for str and bytes: flags, width, precision, * and mapping keys, errors.
vals = [0, 5, -5, 3.14159, -0.5, 1e20, 255, 'str', True]
for spec in ['%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%x', '%#X', '%o', '%#o', '%e', '%.2E', '%f', '%.0f', '%g', '%10.3g', '%s', '%r', '%a', '%c']:
    out = []
    for v in vals:
        try:
            out.append(spec % v)
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(spec, out)
print('%(a)s-%(b)05.1f' % {'a': 'x', 'b': 2.25}, '%*d|%-*d|%.*f' % (4, 1, 4, 2, 2, 3.14159), '%%|%c%c' % ('a', 66), '%s' % (1,), '%s' % [1, 2])
print(b'%s %d %x %c %r %a %b' % (b'ab', 5, 255, 65, b'q', 'é', bytearray(b'z')), b'%5s|%-5s|' % (b'a', b'b'), b'%(k)s' % {b'k': b'v'})
for bad in [lambda: '%d' % 'a', lambda: '%s %s' % 1, lambda: '%s' % (1, 2), lambda: '%(a)s' % 1, lambda: '%z' % 1, lambda: '%' % (),
            lambda: '%c' % 1114112, lambda: '%c' % 'ab', lambda: b'%s' % 'a', lambda: '%*d' % ('a', 1), lambda: '%d' % 1.5j, lambda: '%x' % 1.5]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
