# chaos: a chaos-game fractal (Barnsley-fern affine maps) bent towards a cubic Bezier curve,
# rasterised into a grid. Exercises small immutable vector objects with operator overloading
# (__add__, __sub__, __mul__), method calls, a pseudo-random generator class and 2-D lists.

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


class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    def lerp(self, other, t):
        return self + (other - self) * t


class Bezier:
    def __init__(self, *points):
        self.points = points

    def at(self, t):
        # de Casteljau: repeated linear interpolation between neighbouring control points.
        pts = list(self.points)
        while len(pts) > 1:
            pts = [pts[i].lerp(pts[i + 1], t) for i in range(len(pts) - 1)]
        return pts[0]


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, p):
        return Vec2(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class ChaosGame:
    def __init__(self, maps, curve, seed):
        self.maps = maps
        self.curve = curve
        self.rng = Random(seed)
        total = sum(m.weight for m in maps)
        acc = 0.0
        self.thresholds = []
        for m in maps:
            acc += m.weight / total
            self.thresholds.append(acc)

    def pick(self):
        r = self.rng.random()
        for m, limit in zip(self.maps, self.thresholds):
            if r < limit:
                return m
        return self.maps[-1]

    def run(self, iterations, width, height):
        grid = [[0] * width for _ in range(height)]
        p = Vec2(0.0, 0.0)
        for i in range(iterations):
            p = self.pick().apply(p)
            t = p.y / 10.0
            if t < 0.0:
                t = 0.0
            elif t > 1.0:
                t = 1.0
            bent = p + self.curve.at(t) * 0.35
            if i < 20:
                continue
            col = int((bent.x + 3.0) / 7.0 * width)
            row = int(bent.y / 11.0 * height)
            if 0 <= col < width and 0 <= row < height:
                grid[row][col] += 1
        return grid


def main(iterations):
    maps = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]
    curve = Bezier(Vec2(0.0, 0.0), Vec2(1.5, 0.5), Vec2(-1.0, 1.0), Vec2(0.5, 0.5))
    game = ChaosGame(maps, curve, 20240601)
    width, height = 64, 96
    grid = game.run(iterations, width, height)
    lit = 0
    checksum = 0
    for r, row in enumerate(grid):
        for c, hits in enumerate(row):
            if hits:
                lit += 1
                checksum = (checksum * 131 + hits * (r * width + c + 1)) % 1000000007
    print(lit, checksum)
    print(max(max(row) for row in grid))


main(scaled(100000))
