# Native (lean) recursion of functions whose self-calls leave out defaulted parameters:
# defaults replaced mid-loop through __defaults__ (another step, a float, a huge int), a
# mutable default shared by every call, and defaults removed in the middle of a
# recursion (the next call raises TypeError with CPython's message and traceback).
def count(n, step=1):
    if n <= 0:
        return 0
    return count(n - step) + 1


print(sum(count(i % 30) for i in range(3000)))
count.__defaults__ = (2,)
print(sum(count(i % 30) for i in range(3000)))
count.__defaults__ = (2.5,)
print(sum(count(i % 30) for i in range(300)))


def offset(n, base=10):
    if n == 0:
        return base
    return offset(n - 1) + 1


total = 0
for i in range(3000):
    if i == 2000:
        offset.__defaults__ = (10**30,)
    total += offset(i % 20)
print(total)


def collect(n, seen=[]):
    if n == 0:
        return len(seen)
    seen.append(n)
    return collect(n - 1)


print(sum(collect(i % 10) for i in range(500)) % 100003)

trigger = False


def shrinking(n, k=0):
    if n == 0:
        return k
    if n == 5 and trigger:
        shrinking.__defaults__ = None
    return shrinking(n - 1) + 1


print(sum(shrinking(i % 12) for i in range(3000)))
trigger = True
try:
    shrinking(9)
except TypeError as e:
    print(type(e).__name__, e)
    tb = e.__traceback__
    depth = 0
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("traceback entries", depth)
print(shrinking(3, 7))
