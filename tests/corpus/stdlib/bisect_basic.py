# bisect: bisect_left/right, insort_left/right, lo/hi bounds, key=, errors
import bisect

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, 0, 3))
print(bisect.bisect_left(a, 2, lo=4), bisect.bisect_right(a, 5, hi=-1), bisect.bisect_left(a, 1, 5))
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 0, 0, 0)
print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('e', 3), key=lambda r: r[1])
print(recs)
print(bisect.bisect_left('aceg', 'd'), bisect.bisect_right((1, 3, 5), 3), bisect.bisect(range(0, 100, 10), 35))
print(bisect.bisect.__name__, bisect.insort.__name__)

class Loud:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v
seq = [Loud(i) for i in range(0, 10, 2)]
print(bisect.bisect_left(seq, Loud(5)), bisect.bisect_right(seq, Loud(4)))

show(lambda: bisect.bisect_left([1, 2], 1, -1))
show(lambda: bisect.bisect_left([1, 2], 1, 0, -1))
show(lambda: bisect.bisect_left(5, 1))
show(lambda: bisect.bisect_left([1, 2], 1, 'a'))
show(lambda: bisect.bisect_left([1, 2]))
show(lambda: bisect.bisect_left([1, 2], 1, 5))
show(lambda: bisect.bisect_left([1, 2], 1, 0, 5))
show(lambda: bisect.insort(5, 1))
show(lambda: bisect.insort((1, 2), 1))
show(lambda: bisect.bisect_left([1, 2], 'a'))
show(lambda: bisect.bisect_right([1, 2], 1, key=5))
show(lambda: bisect.bisect_right([1, 2], 1, foo=5))
show(lambda: bisect.bisect_right([1, 2], 1, None, None))
