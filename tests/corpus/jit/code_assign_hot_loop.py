# Reassigning a function's __code__ inside a hot loop: calls (and JIT traces that inlined
# the old body) must run the new body from the next call on.


def step(x):
    return x + 1


def double(x):
    return x * 2


def negate(x):
    return -x


bodies = [step.__code__, double.__code__, negate.__code__]

total = 0
log = []
for i in range(300):
    if i % 50 == 0:
        step.__code__ = bodies[(i // 50) % 3]
    v = step(i)
    total += v
    if i % 50 < 2:
        log.append((i, v))
print(total)
print(log)


# The swap happens in a function called from the loop, not in the loop itself.
def helper(x):
    return x + 1000


def swap_to(code):
    helper.__code__ = code


alt = (lambda x: x - 1000).__code__
orig = helper.__code__
acc = []
for i in range(200):
    if i == 100:
        swap_to(alt)
    if i == 150:
        swap_to(orig)
    acc.append(helper(i))
print(acc[98:103], acc[148:153], sum(acc))


# A method whose code changes while a loop calls it.
class Counter:
    def bump(self, n):
        return n + 1


def bump_by_ten(self, n):
    return n + 10


c = Counter()
n = 0
for i in range(400):
    if i == 200:
        Counter.bump.__code__ = bump_by_ten.__code__
    n = c.bump(n)
print(n)
