# `cls(...)` whose inlined `__init__` has guards (branches, calls, type checks): an exit
# inside it runs the whole call again in the interpreter, so the caller gets the
# instance (not None), exceptions raised inside carry CPython's traceback, and an
# `__init__` with side effects stays exact.


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        length = (direction[0] ** 2 + direction[1] ** 2) ** 0.5
        if length == 0.0:
            raise ValueError("zero direction")
        self.dx = direction[0] / length
        self.dy = direction[1] / length


def trace_all(dirs):
    total = 0.0
    rays = []
    for d in dirs:
        r = Ray(0.0, d)
        total += r.dx
        rays.append(r)
    return round(total, 6), rays[-1].dy, type(rays[0]).__name__


dirs = [(1.0, float(i)) for i in range(1, 600)]
print(trace_all(dirs))
# Ints mid-loop: the guards inside __init__ fail and the call runs again.
print(trace_all(dirs[:300] + [(3, 4)] * 5 + dirs[:10]))


class Clamp:
    def __init__(self, v):
        if v < 0:
            v = 0
        elif v > 100:
            v = 100
        self.v = v


def clamp_all(values):
    return sum(Clamp(v).v for v in values), [Clamp(v).v for v in values[-3:]]


def clamp_loop(values):
    total = 0
    last = None
    for v in values:
        last = Clamp(v)
        total += last.v
    return total, last.v


print(clamp_loop(list(range(-50, 150)) * 5))
print(clamp_loop([5] * 500 + [2**70, -(2**70), 7]))

count = 0


class Counted:
    def __init__(self, v):
        global count
        count += 1
        self.v = v


def counted(n):
    total = 0
    for i in range(n):
        total += Counted(i).v
    return total


print(counted(3000), count)

# Raised inside the inlined __init__ mid-loop: the interpreter's traceback.
trace_all(dirs[:400] + [(0.0, 0.0)])
