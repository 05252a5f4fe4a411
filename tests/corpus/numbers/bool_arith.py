# bool as int subclass: arithmetic, repr, str, conversions, sums and comparisons.
print(True + True, True - False, True * 7, True / 2, True // 2, -True, ~False, True ** 10, True << 4)
print(repr(True), str(False), int(True), float(False), bool('False'), bool(0.0), True == 1.0)
print(sum([True, False, True, True]), [True] * 3, 'abc'[True], {True: 'a', 1: 'b'})
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + 0).__name__)
print(isinstance(True, int), max(True, False), sorted([True, False, 1, 0]), f'{True}', f'{True:d}', '%d' % False)
print(bool.__name__, bool(None), True.real, False.conjugate())
