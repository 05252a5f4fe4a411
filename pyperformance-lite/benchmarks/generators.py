# generators: generator functions and generator expressions: a recursive in-order walk of a
# binary tree with `yield from`, a lazy pipeline of filtering/mapping generators, and
# generators driven by hand with next() and stopped early.

from _scale import scaled


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid - 1), mid, build(mid + 1, hi))


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def keep_odd(items):
    for x in items:
        if x & 1:
            yield x


def squares(items):
    for x in items:
        yield x * x


def take(items, n):
    for i, x in enumerate(items):
        if i >= n:
            return
        yield x


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    tree = build(0, 2 ** 16)
    for _ in range(scaled(8)):
        total = 0
        for v in tree:
            total += v
    print(total)
    pipeline = take(squares(keep_odd(numbers(10 ** 7))), scaled(1200000))
    print(sum(pipeline) % 1000000007)
    print(sum(x % 7 for x in range(scaled(2000000)) if x % 3))
    gen = fib()
    last = 0
    for _ in range(5000):
        last = next(gen)
    gen.close()
    print(last % 1000000007)


main()
