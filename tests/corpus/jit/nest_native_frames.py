# Nested loops run natively inside generators (yield in the outer loop and inside the
# inner loop) and a frame inspected right after an inner loop: locals exactly CPython's.
import sys
def gen(rows):
    for row in rows:
        s = 0
        for x in row:
            s += x * 2
        yield s

rows = [list(range(i % 13)) for i in range(3000)]
print(sum(gen(rows)))

def gen2(n):
    for i in range(n):
        t = 0
        for j in range(i % 9):
            t += j
            if i == n - 3 and j == 4:
                yield ("mid", t)
        yield t

out = list(gen2(2000))
print(len(out), out[-6:], sum(x for x in out if isinstance(x, int)))


def frames(n):
    acc = 0
    for i in range(n):
        for j in range(i % 5):
            acc += j
        if i == n - 1:
            f = sys._getframe()
            print(sorted(k for k in f.f_locals), f.f_locals["j"], f.f_locals["acc"])
    return acc
print(frames(3000))
