# loop_calls: Python-level function calls in a hot loop (positional, default and keyword
# arguments, a closure, a small recursive function) -- call overhead and inlining for the JIT.

from _scale import scaled


def add(a, b):
    return a + b


def scale(x, factor=3):
    return x * factor


def clamp(x, low=0, high=1000):
    if x < low:
        return low
    if x > high:
        return high
    return x


def make_counter(step):
    def bump(x):
        return x + step
    return bump


def depth(n):
    if n < 2:
        return n
    return depth(n - 1) + 1


def main():
    bump = make_counter(5)
    acc = 0
    for i in range(scaled(3600000)):
        acc = add(acc, i & 7)
        acc = clamp(scale(acc) % 2000, high=1500)
        acc = bump(acc)
    print(acc)
    total = 0
    for i in range(scaled(24000)):
        total += depth(i % 40)
    print(total)


main()
