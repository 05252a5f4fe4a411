# loop_attr: instance attribute loads and stores in hot loops (plain classes, methods reading
# and writing self.x, attribute access on other objects) -- attribute caching for the JIT.

from _scale import scaled


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.bounces = 0

    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0.0 or self.x > 100.0:
            self.v = -self.v
            self.bounces += 1


class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0


def run(particles, steps):
    for _ in range(steps):
        for p in particles:
            p.step(0.5)


def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c


def main():
    particles = [Particle(float(i * 3 % 100), (i % 7) - 3.0) for i in range(50)]
    run(particles, scaled(60000))
    print(sum(p.bounces for p in particles))
    print("%.6f" % sum(p.x for p in particles))
    c = tally(scaled(9000000))
    print(c.hits, c.misses)


main()
