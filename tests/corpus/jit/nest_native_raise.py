# An inner loop run natively from an outer trace raises at iteration k (inside an inlined
# method): the exception is caught with the interpreter's traceback lines, then raised
# uncaught for the full traceback. Also frames inspected from inside the inner loop.
import sys


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def step(self, dt):
        self.x += self.v * dt
        if self.x > 1000.0:
            raise ValueError("escaped at %r" % self.x)


def run(particles, steps):
    for _ in range(steps):
        for p in particles:
            p.step(0.5)


def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


ps = [Particle(float(i), 1.0 + i % 3) for i in range(20)]
try:
    run(ps, 100000)
except ValueError as e:
    print("caught", e, lines(e.__traceback__))
print([round(p.x, 3) for p in ps[:5]])


def divide(n):
    total = 0
    for i in range(n):
        for j in range(i % 9):
            total += 1000 // (n - 700 - j - i // 2)
    return total


try:
    divide(2000)
except ZeroDivisionError as e:
    print("caught", e, lines(e.__traceback__))


def peek(k):
    f = sys._getframe(1)
    return f.f_locals["j"] + f.f_lineno - k


def inspecting(n):
    total = 0
    for i in range(n):
        for j in range(i % 4):
            if i == n - 5:
                total += peek(j)
            else:
                total += j
    return total


print(inspecting(1500))

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno))
    return tracer


def start_tracing():
    sys.settrace(tracer)


def traced(n):
    total = 0
    for i in range(n):
        for j in range(3):
            total += j
            if i == n - 2 and j == 1:
                start_tracing()
    return total


print(traced(1200))
sys.settrace(None)
print(events[:12], len(events))

ps = [Particle(float(i), 2.0) for i in range(10)]
run(ps, 100000)
