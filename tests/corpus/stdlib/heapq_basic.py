# heapq: push/pop/heapify/replace/pushpop, nlargest/nsmallest (with keys, ties), merge, errors
import heapq

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 4), h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 100), h)
h = [(2, 'b'), (1, 'z'), (1, 'a'), (3, 'c')]
heapq.heapify(h)
print(h, heapq.heappop(h))
big = [(i * 7919) % 1000 for i in range(300)]
heapq.heapify(big)
print(big[:20], all(big[(i - 1) // 2] <= big[i] for i in range(1, len(big))))
out = [heapq.heappop(big) for _ in range(len(big))]
print(out == sorted(out), out[:10])

print(heapq.nlargest(3, data), heapq.nsmallest(3, data))
print(heapq.nlargest(1, data), heapq.nsmallest(1, []), heapq.nlargest(0, data))
print(heapq.nlargest(20, data), heapq.nsmallest(4, iter(data)))
words = ['apple', 'Bob', 'cat', 'Dog', 'eel', 'ant', 'bee']
print(heapq.nsmallest(3, words, key=str.lower), heapq.nlargest(3, words, key=len))
print(heapq.nlargest(3, iter(words), key=len), heapq.nsmallest(2, iter(words), key=len))
pairs = [(1, 'a'), (1, 'b'), (0, 'c'), (1, 'd')]
print(heapq.nlargest(2, pairs, key=lambda p: p[0]), heapq.nsmallest(3, iter(pairs), key=lambda p: p[0]))

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge([], [1], [])), list(heapq.merge()))
print(list(heapq.merge(['a', 'cc'], ['bbb'], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge([(1, 'x')], [(1, 'y')], [(0, 'z')])))

show(lambda: heapq.heappush(1, 2))
show(lambda: heapq.heappush([], 2, 3))
show(lambda: heapq.heappop([]))
show(lambda: heapq.heappop(()))
show(lambda: heapq.heapify(5))
show(lambda: heapq.heapreplace([], 1))
show(lambda: heapq.heappushpop([], 1))
show(lambda: heapq.heappush([1], 'a'))
show(lambda: heapq.heappush(x=1))
show(lambda: heapq.nlargest('a', [1, 3, 2]))
