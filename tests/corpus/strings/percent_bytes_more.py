# bytes %-formatting and str %-formatting corner cases: %b with buffers, %c forms, %a on bytes, padding, precision on strings.
print(b'%b|%b|%b' % (b'x', bytearray(b'y'), memoryview(b'z')), b'%c%c' % (65, b'B'), b'%a' % 'é', b'%r' % b'q', b'%5.1b|' % b'abc', b'%-4c|' % 66)
print(b'%d %i %u %o %x %X %e %f %g %%' % (1, -2, 3, 8, 255, 255, 1.5, 2.5, 3.5), b'%(a)b' % {b'a': b'A'}, b'%s' % b'\xff')
print('%.2s|%5.1s|%-5s|%c|%r' % ('abc', 'xyz', 'q', 'é', 'é'), '%x|%X|%#o|%+.3e|%g|%G' % (3.0 if False else 3, 255, 8, 12345.678, 1e-5, 1e20))
print('%i|%u|%5.3d|%-+6d|% 05d|%.0f|%.1f' % (7, 8, 5, 42, 3, 2.5, 0.05), '%s %s' % ('a', ['b']), '%(x)s %(x)r' % {'x': 'y'}, '%3%|' % ())
for bad in [lambda: b'%s' % 'str', lambda: b'%b' % 1, lambda: b'%c' % 256, lambda: b'%c' % b'ab', lambda: b'%d' % b'1', lambda: b'%x' % 1.5, lambda: b'%(a)s' % {'a': b'x'},
            lambda: '%(a)s %s' % {'a': 1}, lambda: '%.*f' % (1,), lambda: '%d' % None, lambda: '%c' % -1, lambda: '%' % 1]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
