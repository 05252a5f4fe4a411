# printf-style % formatting of str and bytes templates with a matrix of conversions and values (errors included).
vals = [0, 1, -1, 255, -255, 2**70, True, 0.0, -0.0, 1.5, -2.25, 3.14159, 1e16, 1e-7, float('inf'), float('nan'), 'abc', 'é', b'xy', None, [1], (2,)]
convs = ['%s', '%r', '%a', '%d', '%i', '%u', '%x', '%X', '%o', '%e', '%E', '%f', '%F', '%g', '%G', '%c', '%5s', '%-5s|', '%05d', '%+d', '% d', '%#x', '%#o', '%.2f', '%10.3e', '%-8.2f|', '%.3s', '%*d', '%.*f', '%5%', '%(k)s', '%z', '%#.0f', '%+.1e', '%#g', '%.0e', '%08.3f', '%-08d|']
for c in convs:
    for v in vals:
        try:
            if '*' in c:
                r = c % (6, v)
            elif '(k)' in c:
                r = c % {'k': v}
            else:
                r = c % (v,)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(c), repr(v), '->', repr(r))
for c in [b'%s', b'%b', b'%r', b'%a', b'%d', b'%x', b'%c', b'%5.1f', b'%-4s|']:
    for v in [b'ab', bytearray(b'c'), 65, 1.5, 'é', None, 256, -1]:
        try:
            r = c % (v,)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(repr(c), repr(v), '->', repr(r))
