# random: randrange/randint/choice/shuffle/sample/choices and every distribution, seeded, vs CPython
import random

random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(5)], [random.randrange(-10, 10) for _ in range(5)])
print([random.randrange(10, 0, -3) for _ in range(5)], random.randrange(2**80))
print([random.randint(1, 6) for _ in range(12)], random.randint(-2**70, 2**70))
print([random.choice('abcdef') for _ in range(10)], random.choice(range(1000)), random.choice((1,)))
x = list(range(20))
random.shuffle(x)
print(x)
print(random.sample(range(100), 10), random.sample('abcdefg', 3), random.sample(range(10**9), 3))
print(random.sample(range(30), 25), random.sample(['r', 'b'], k=5, counts=[4, 2]))
print(random.choices('abc', k=5), random.choices('abc', [1, 5, 10], k=5))
print(random.choices('abc', cum_weights=[1, 2, 10], k=4), random.choices(range(3)))
print(random.uniform(1, 5), random.uniform(5, 1), random.triangular(), random.triangular(0, 10, 2))
print(random.triangular(3, 3), random.triangular(0, 1, 1))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(), random.normalvariate(1, 3))
print(random.lognormvariate(0, 1), random.expovariate(), random.expovariate(2), random.expovariate(-1))
print(random.vonmisesvariate(1, 2), random.vonmisesvariate(1, 0), random.vonmisesvariate(-3, 50))
print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 2), random.gammavariate(100, 0.5))
print(random.betavariate(2, 3), random.betavariate(0.5, 0.5), random.paretovariate(3), random.weibullvariate(1, 2))
print([random.binomialvariate(10, 0.3) for _ in range(5)], random.binomialvariate(5, 0.8), random.binomialvariate())
print(random.binomialvariate(0, 0.5), random.binomialvariate(7, 0.0), random.binomialvariate(7, 1.0), random.binomialvariate(1, 0.9))
print(random.binomialvariate(1000, 1e-9), random.binomialvariate(30, 0.2))
r = random.Random(99)
print(r.random(), r.randrange(0, 100, 7), r.sample(range(5), 5), r.choices([1, 2], weights=[0, 1], k=3))

class Fixed(random.Random):
    def random(self):
        return 0.25
f = Fixed(1)
print(f.randrange(10), f.choice('abcd'), f.randint(1, 100), f.uniform(0, 8))

class Bits(random.Random):
    def getrandbits(self, k):
        return 1
print(Bits(3).randrange(10), Bits(3).random() == random.Random(3).random())
s = random.SystemRandom()
v = s.random()
print(0.0 <= v < 1.0, s.getrandbits(10) < 1024, len(s.randbytes(4)), s.seed(5))
