# Outer loops that run few times (fewer than the loop threshold, or a few times per call)
# become hot through their inner loops' runs, and their short-trip judgement counts whole
# runs (the nest driver's re-entries are not new entries): the results must not change,
# including when the inner loop's objects change type or raise mid-way.
class P:
    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.bounces = 0

    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0.0 or self.x > 10.0:
            self.v = -self.v
            self.bounces += 1


def run(ps, steps):
    for _ in range(steps):
        for p in ps:
            p.step(0.5)


def few_outer(rows):
    # 300 outer iterations in all, each a 40-iteration inner loop.
    acc = 0
    for i in range(rows):
        for j in range(40):
            acc += (i * j) % 11
    return acc


def per_call(data):
    # Called many times, its outer loop runs 4 times per call.
    acc = 0
    for row in data:
        for v in row:
            acc += v
    return acc


def sieve(n):
    flags = [True] * n
    flags[0] = flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            for j in range(i * i, n, i):
                flags[j] = False
        i += 1
    return sum(flags)


def changes_type(steps):
    ps = [P(float(i), 1.5) for i in range(6)]
    for s in range(steps):
        if s == steps // 2:
            ps[3].x = 5
        for p in ps:
            p.step(0.5)
    return [p.bounces for p in ps], ps[3].x


def raises_late(steps):
    ps = [P(float(i), 1.0) for i in range(5)]
    for s in range(steps):
        if s == steps - 3:
            ps[2] = None
        for p in ps:
            p.step(0.25)


def big_outer(rows):
    # The outer loop's body is long enough for its JUMP_BACKWARD to need EXTENDED_ARG.
    acc = 0
    for i in range(rows):
        for j in range(30):
            acc += j
        acc += (i ^ 0) & 3
        acc += (i ^ 1) & 3
        acc += (i ^ 2) & 3
        acc += (i ^ 3) & 3
        acc += (i ^ 4) & 3
        acc += (i ^ 5) & 3
        acc += (i ^ 6) & 3
        acc += (i ^ 7) & 3
        acc += (i ^ 8) & 3
        acc += (i ^ 9) & 3
        acc += (i ^ 10) & 3
        acc += (i ^ 11) & 3
        acc += (i ^ 12) & 3
        acc += (i ^ 13) & 3
        acc += (i ^ 14) & 3
        acc += (i ^ 15) & 3
        acc += (i ^ 16) & 3
        acc += (i ^ 17) & 3
        acc += (i ^ 18) & 3
        acc += (i ^ 19) & 3
        acc += (i ^ 20) & 3
        acc += (i ^ 21) & 3
        acc += (i ^ 22) & 3
        acc += (i ^ 23) & 3
        acc += (i ^ 24) & 3
        acc += (i ^ 25) & 3
        acc += (i ^ 26) & 3
        acc += (i ^ 27) & 3
        acc += (i ^ 28) & 3
        acc += (i ^ 29) & 3
        acc += (i ^ 30) & 3
        acc += (i ^ 31) & 3
        acc += (i ^ 32) & 3
        acc += (i ^ 33) & 3
        acc += (i ^ 34) & 3
        acc += (i ^ 35) & 3
        acc += (i ^ 36) & 3
        acc += (i ^ 37) & 3
        acc += (i ^ 38) & 3
        acc += (i ^ 39) & 3
        acc += (i ^ 40) & 3
        acc += (i ^ 41) & 3
        acc += (i ^ 42) & 3
        acc += (i ^ 43) & 3
        acc += (i ^ 44) & 3
        acc += (i ^ 45) & 3
        acc += (i ^ 46) & 3
        acc += (i ^ 47) & 3
        acc += (i ^ 48) & 3
        acc += (i ^ 49) & 3
        acc += (i ^ 50) & 3
        acc += (i ^ 51) & 3
        acc += (i ^ 52) & 3
        acc += (i ^ 53) & 3
        acc += (i ^ 54) & 3
        acc += (i ^ 55) & 3
        acc += (i ^ 56) & 3
        acc += (i ^ 57) & 3
        acc += (i ^ 58) & 3
        acc += (i ^ 59) & 3
        acc += (i ^ 60) & 3
        acc += (i ^ 61) & 3
        acc += (i ^ 62) & 3
        acc += (i ^ 63) & 3
        acc += (i ^ 64) & 3
        acc += (i ^ 65) & 3
        acc += (i ^ 66) & 3
        acc += (i ^ 67) & 3
        acc += (i ^ 68) & 3
        acc += (i ^ 69) & 3
    return acc


ps = [P(float(i * 3 % 10), (i % 7) - 3.0) for i in range(20)]
run(ps, 2000)
print(sum(p.bounces for p in ps), "%.6f" % sum(p.x for p in ps))
print(few_outer(300))
print(sum(per_call([[i, i + 1, i + 2]] * 4) for i in range(3000)))
print(sieve(200000))
print(big_outer(400))
print(changes_type(3000))
try:
    raises_late(2000)
except AttributeError as e:
    print("AttributeError:", e)
raises_late(1500)
