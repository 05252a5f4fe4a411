# bool as an int subclass and int/float/complex subclasses in arithmetic, formatting and hashing.
class I(int):
    pass
class F(float):
    def __repr__(self):
        return 'F!'
class C(complex):
    pass
i, f, c = I(7), F(2.5), C(1, 2)
print(i + 1, type(i + 1).__name__, i * 2.0, -i, type(-i).__name__, f * 2, type(f * 2).__name__, repr(f), str(f), c * 2, type(c + 1).__name__)
print(True + True, True * 10, True / 2, True // 2, -True, ~False, True ** 10, divmod(True, 2), True & 2, True | 2, True ^ True)
print(format(True, 'd'), format(True, '>5'), format(True, ''), f'{True:x}', '%d %s %r' % (True, True, False), int(True), float(False), complex(True))
print(hash(True) == hash(1), hash(i) == hash(7), hash(f) == hash(2.5), {True: 'a', 1: 'b', 1.0: 'c'}, I(5) == 5, isinstance(True, int))
print(i.bit_length(), i.to_bytes(1, 'big'), I.from_bytes(b'\x05', 'big'), type(I.from_bytes(b'\x05', 'big')).__name__, f.is_integer(), f.hex(), F.fromhex('0x1p1'), type(F.fromhex('0x1p1')).__name__)
print(int(I(3)), type(int(I(3))).__name__, float(F(1.5)), type(float(F(1.5))).__name__, round(F(2.5)), abs(I(-3)), type(abs(I(-3))).__name__)
print(sum([True, True, False]), max(True, 0), sorted([True, False, 2, -1]), True == 1.0, bool(0.0), bool(-0.0), bool(0j), bool(1e-320))
