# int/float/complex/bool/str/bytes/bytearray constructors on a matrix of inputs, int() with bases, encodings.
def R(x):
    try:
        return repr(x)
    except Exception as e:
        return 'REPR ' + type(e).__name__
args = ['0', ' 12 ', '-0x1f', '0b101', '0o17', '1_000', '_1', '1__0', '12.5', '1e3', 'inf', '-nan', 'infinity', ' ', '', '٣', '１２', '0x', '00', '007', 'z', b'42', bytearray(b'7'), b' 1.5', 3.9, -3.9, True, 2**70, None, [1], (1, 2), 1+2j, '1+2j', '(3-4j)', 'j', '+1.5J', '1e500', '-0.0', '0.1']
for a in args:
    for f in [int, float, complex, bool, str, bytes, bytearray]:
        try:
            r = f(a)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(f.__name__, R(a), '->', R(r))
    for base in [0, 2, 8, 10, 16, 36, 1, 37, -1]:
        try:
            r = int(a, base)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print('int', R(a), base, '->', R(r))
for a, b in [(1, 2), (1.5, -0.0), ('1', None), (1j, 2j), (0, 1j), (None, 1), (1, None)]:
    try:
        r = complex(a, b) if b is not None else complex(a)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print('complex2', R(a), R(b), '->', R(r))
for a, kw in [(b'abc', {'encoding': 'ascii'}), (b'\xff', {'encoding': 'utf-8', 'errors': 'replace'}), ('abc', {'encoding': 'utf-16'}), ('é', {'encoding': 'latin-1'}), ('é', {'encoding': 'ascii', 'errors': 'ignore'}), (5, {'encoding': 'ascii'}), ('x', {'errors': 'strict'}), ('x', {'encoding': 'nope'})]:
    for f in [str, bytes, bytearray]:
        try:
            r = f(a, **kw)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(f.__name__, R(a), kw, '->', R(r))
