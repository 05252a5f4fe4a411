# Generators: recursion through yield from (permutations, subsets, hanoi)
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [head] + rest

def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s

def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return 0
    moves = yield from hanoi(n - 1, a, c, b)
    yield (n, a, c)
    moves += 1
    moves += yield from hanoi(n - 1, b, a, c)
    return moves

print(list(permutations([1, 2, 3])))
print(sorted(subsets("abc")))
h = hanoi(3)
moves = list(h)
print(len(moves), moves[:4])
def count_hanoi(n):
    total = yield from hanoi(n)
    yield total
print(list(count_hanoi(4))[-1])
def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"
print(list(deep(200)))
def walk(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from walk(v, prefix + k + ".")
        else:
            yield prefix + k, v
print(dict(walk({"a": {"b": 1, "c": {"d": 2}}, "e": 3})))
