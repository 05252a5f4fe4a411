# list.pop() and list.pop(i) in hot loops: the item removed by a helper, an empty list or
# an index out of range leaving to the interpreter (which raises CPython's IndexError),
# items of changing types, objects whose last reference was the list's (__del__ runs),
# and a list that is not exactly a list.


def drain(items):
    total = 0
    while items:
        total += items.pop()
    return total


print(drain(list(range(2000))))


def drain_front(items):
    out = []
    while items:
        out.append(items.pop(0))
    return out


print(drain_front(list(range(1000)))[-3:])
print(drain_front([1, 2.5, "x", None, (1, 2)] * 100)[-5:])


def pop_at(items, i, n):
    popped = []
    for _ in range(n):
        popped.append(items.pop(i))
    return popped, items


print(pop_at(list(range(600)), -2, 500)[0][-4:])
print(pop_at(list(range(600)), 3, 500)[1][:5])

for args in [([], 0, 1), (list(range(400)), 0, 401), (list(range(400)), 500, 1), (list(range(400)), -401, 1)]:
    try:
        print(pop_at(*args)[1][:3])
    except IndexError as e:
        print(type(e).__name__, e)


def pop_empty(n):
    stack = []
    count = 0
    for i in range(n):
        stack.append(i)
        if i % 3 == 0:
            stack.pop()
            stack.pop()
        count += len(stack)
    return count


try:
    print(pop_empty(3000))
except IndexError as e:
    print(type(e).__name__, e)


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def pop_noisy(items):
    total = 0
    while items:
        x = items.pop()
        total += x.n
    return total


print(pop_noisy([Noisy(i) for i in range(5)]))
print("after")


class MyList(list):
    def pop(self, *args):
        return -1


def pop_mixed(lists):
    total = 0
    for lst in lists:
        total += lst.pop()
    return total


print(pop_mixed([[1, 2, 3] for _ in range(400)] + [MyList([5]), [7]]))
try:
    pop_mixed([[1]] * 300 + [[]])
except IndexError as e:
    print(type(e).__name__, e)
