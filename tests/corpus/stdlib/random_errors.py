# random: bad arguments get CPython's exception types and messages
import random

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: random.seed([1]))
show(lambda: random.Random([1]))
show(lambda: random.choice([]))
show(lambda: random.choice(''))
show(lambda: random.randrange(0))
show(lambda: random.randrange(-5))
show(lambda: random.randrange(5, 2))
show(lambda: random.randrange(5, 2, 2))
show(lambda: random.randrange(5, 2, 0))
show(lambda: random.randrange(1.5))
show(lambda: random.randrange(0, 10, 1.5))
show(lambda: random.randrange('a'))
show(lambda: random.randrange(5, step=2))
show(lambda: random.sample({1, 2}, 1))
show(lambda: random.sample([1, 2], 3))
show(lambda: random.sample([1, 2], -1))
show(lambda: random.sample(range(10), k=3, counts=[1] * 9))
show(lambda: random.sample(range(3), k=1, counts=[0, 0, 0]))
show(lambda: random.sample(range(3), k=1, counts=[1.0, 1, 1]))
show(lambda: random.choices([1, 2], 3))
show(lambda: random.choices([1, 2], [1]))
show(lambda: random.choices([1, 2], [0, 0]))
show(lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]))
show(lambda: random.choices([1, 2], [1, float('inf')]))
show(lambda: random.getrandbits(-1))
show(lambda: random.getrandbits(2.5))
show(lambda: random.setstate((1, 2, 3)))
show(lambda: random.setstate((3, (1, 2), None)))
show(lambda: random.Random().setstate((3, tuple([0] * 624 + [625]), None)))
show(lambda: random.Random().setstate((3, [0] * 625, None)))
show(lambda: random.gammavariate(0, 1))
show(lambda: random.gammavariate(1, -1))
show(lambda: random.binomialvariate(-1))
show(lambda: random.binomialvariate(5, 2))
show(lambda: random.shuffle((1, 2)))
show(lambda: random.expovariate(0))
show(lambda: random.SystemRandom().getstate())
show(lambda: random.Random.__mro__)

class NotRegistered:
    def __len__(self): return 3
    def __getitem__(self, i): return i
show(lambda: random.sample(NotRegistered(), 1))
