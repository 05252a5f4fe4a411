# scimark_monte_carlo: SciMark's Monte-Carlo estimate of pi (random points in the unit square,
# counting those inside the quarter circle): a pseudo-random generator method call and float
# compares in one hot loop.

from _scale import scaled


class Random:
    """xorshift32: the same stream on every interpreter."""

    def __init__(self, seed):
        self.state = seed or 1

    def random(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x / 4294967296.0

    def below(self, n):
        return int(self.random() * n)


def integrate(rng, samples):
    inside = 0
    for _ in range(samples):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return inside


def main(samples):
    rng = Random(113)
    inside = integrate(rng, samples)
    print(inside)
    print("%.6f" % (inside / samples * 4.0))


main(scaled(1500000))
