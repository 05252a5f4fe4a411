# itertools: count, cycle, repeat (values, reprs, length hints, bad arguments)
import itertools as it

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = it.count()
print(next(c), next(c), next(c), c)
print(list(it.islice(it.count(5, 3), 4)))
print(list(it.islice(it.count(1.5, 0.25), 3)))
print(list(it.islice(it.count(10, -2), 4)))
print(list(it.islice(it.count(2**62, 2**61), 3)))
show(lambda: it.count(1.5, 0.25))
show(lambda: it.count(1, 1.0))
show(lambda: it.count(2**70))
show(lambda: it.count(step=-1))
show(lambda: it.count(1+2j))
show(lambda: it.count(start=3, step=2))
show(lambda: it.count('a'))
show(lambda: it.count(1, 'a'))
show(lambda: it.count(1, 2, 3))
show(lambda: it.count(x=3))
print(list(zip(it.count(), 'abc')))

cy = it.cycle('ab')
print([next(cy) for _ in range(5)])
print(list(it.islice(it.cycle([]), 3)))
print(list(it.islice(it.cycle(iter([1, 2, 3])), 8)))
show(lambda: it.cycle())
show(lambda: it.cycle(1))
show(lambda: it.cycle([1], 2))
show(lambda: it.cycle(iterable=[1]))

r = it.repeat('x', 3)
print(r, r.__length_hint__())
print(list(r), r, r.__length_hint__())
print(list(it.repeat(1, -5)))
show(lambda: it.repeat(1, -5))
show(lambda: it.repeat('a', times=-5))
show(lambda: it.repeat(None))
show(lambda: it.repeat(1).__length_hint__())
show(lambda: len(it.repeat(1, 3)))
show(lambda: it.repeat())
show(lambda: it.repeat(1, 'a'))
show(lambda: it.repeat(1, 2, 3))
print(list(map(pow, range(5), it.repeat(2))))
print(type(it.count()).__name__, type(it.repeat(1)), it.count.__module__)

class MyCount(it.count):
    pass
m = MyCount(7)
print(next(m), next(m), m)
m.tag = 'ok'
print(m.tag, isinstance(m, it.count))
