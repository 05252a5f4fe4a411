# printf-style % formatting: conversions, flags, width, precision, mapping keys, and errors.
print('%d %i %u' % (42, -7, 3), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %#x %#X %o %#o' % (255, 255, 255, 255, 8, 8), '%x' % -255, '%#o' % -8)
print('%f %.2f %10.3f %-10.1f| %e %.3E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-5, 1e20))
print('%s %r %a' % ('str', 'str', 'é'), '%s' % [1, 2], '%s' % (1,), '%s %s' % ('a', 'b'))
print('%c%c%c' % (72, 'i', 33), '%%' % (), '100%% sure' % (), '%.3s' % 'abcdef', '%5.1s|' % 'xyz')
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30}, '%(x)s%(x)s' % {'x': '!'})
print('%*d|%-*d|%.*f' % (6, 1, 6, 2, 2, 3.14159), '%d' % 3.99, '%d' % True, '%s' % None)
print('%g %g %g %g %g' % (100000, 1000000, 0.0001, 0.00001, 123.456789), '%.0f %.0f %.0f' % (0.5, 1.5, 2.5))
print('%10s|%-10s|' % ('right', 'left'), '%+.1e' % 0.0, '%f' % float('inf'), '%F' % float('nan'))
print(b'%d-%s-%b' % (1, b'x', b'y'), '%x' % 2 ** 70, '%d' % 10 ** 25)
bad = [lambda: '%d' % 'x', lambda: '%d %d' % (1,), lambda: '%d' % (1, 2), lambda: '%z' % 1,
       lambda: '%(a)s' % (1,), lambda: '%c' % 'ab', lambda: '%(a)s' % {}, lambda: '%' % ()]
for b in bad:
    try:
        print(b())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
