# Generators: yield from delegates iteration and returns the subgenerator's value
def inner(n):
    for i in range(n):
        yield i
    return f"inner done {n}"

def outer():
    r1 = yield from inner(2)
    print(r1)
    r2 = yield from inner(3)
    print(r2)
    yield from [10, 20]
    yield from "ab"
    yield from (x * x for x in range(3))
    yield from {"k": 1}
    return "outer done"

print(list(outer()))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
def use_class():
    got = yield from Countdown(3)
    return got
print(list(use_class()))
def bad():
    yield from 42
try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)
def chain(*its):
    for it in its:
        yield from it
print(list(chain(range(2), "xy", (None,))))
