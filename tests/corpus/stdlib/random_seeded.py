# random: exact seeded sequences (int/negative/big/float/str/bytes seeds), getrandbits, state round trips
import random

for s in [0, 1, 42, -42, 2**32 - 1, 2**32, 2**40, 2**100 + 7, 12345, 3.5, -0.0,
          'hello', '', 'ünïcödé', b'abc', bytearray(b'xyz'), b'']:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(32), random.getrandbits(70))
for s in range(20):
    r = random.Random(s)
    print(s, r.random(), r.random(), r.getrandbits(1), r.getrandbits(33), r.getrandbits(0))
random.seed(42)
print(random.random(), random.getrandbits(32))
random.seed('text', version=1)
print(random.random())
random.seed(b'bytes', version=1)
print(random.random())
r = random.Random(2024)
st = r.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
first = [r.random() for _ in range(5)]
r.setstate(st)
print(first == [r.random() for _ in range(5)])
r.gauss()
st = r.getstate()
print(st[2] is not None, r.gauss() == (r.setstate(st) or r.gauss()))
big = random.Random(5).getrandbits(200)
print(big, big.bit_length() <= 200)
print(random.Random(8).randbytes(10))
a = random.Random(10)
b = random.Random()
b.seed(10)
print(a.random() == b.random())
c = random.Random(1)
c.setstate(random.Random(2).getstate())
print(c.random() == random.Random(2).random())
