# range(): negative steps, empty ranges, indexing, slicing, repr, membership, errors.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(-5, 5, 2)), list(range(5, -5, -2)), list(range(3, 3)), list(range(5, 1)))
r = range(0, 20, 3)
print(r, repr(range(5)), repr(range(1, 5)), repr(range(1, 10, -2)))
print(r[0], r[-1], r[2], len(r), r.start, r.stop, r.step)
print(r[1:4], r[::-1], r[::2], r[-2:], list(r[::-2]))
print(range(10)[3:100], range(10)[-100:3], range(10)[::-3])
print(9 in r, 10 in r, -3 in r, 18 in r, 21 in r)
print(r.index(9), r.count(9), r.count(10))
print(range(0, 10) == range(0, 10, 1), range(0) == range(5, 2), range(1, 4) == range(1, 5))
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), min(range(3, 9)))
big = range(10 ** 20)
print(big[-1], 10 ** 19 in big, big[10 ** 19], big.stop)
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
for args in [(1, 2, 0), (1.5,), ('a',)]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r.index(4)
except ValueError as e:
    print(type(e).__name__, e)
print(bool(range(0)), bool(range(1)), hash(range(3)) == hash(range(0, 3)))
