# Number odds and ends: __complex__, float.__getformat__, round of big floats, hash of str exact values.
print((1 + 2j).__complex__(), complex.__complex__(3j), float.__getformat__('double'), (2.5).__round__(), (2.675).__round__(2), (1e300).__round__(-299))
print(round(1e22, -21), round(123.456, 10), round(1.5e-300, 300), round(0.5e-323, 323), round(7.0, -400), round(-0.0, 2), round(2**60 + 0.0, -5))
print(hash('abc'), hash('é'), hash('日本語'), hash('😀'), hash(b'abc'), hash('a' * 100), hash(''), hash(('a', 1)), hash(frozenset('ab')) == hash(frozenset('ba')))
for bad in [lambda: float.__getformat__('int'), lambda: round(1.5, 'x'), lambda: round(1.5, 1.5), lambda: (1).__round__(None) if False else round('x')]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((0.1).hex(), (-0.0).hex(), float('inf').hex(), float('nan').hex(), (1.0).hex(), (5e-324).hex(), float.fromhex('0x0.0000000000001p-1022'), float.fromhex('-0x1.999999999999ap-4'))
