# scimark_sor: SciMark's successive over-relaxation kernel -- Jacobi-style sweeps over a 2-D grid
# stored as a list of row lists (float multiply-add, nested index loops, row aliasing).

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


def random_grid(rng, rows, cols):
    return [[rng.random() for _ in range(cols)] for _ in range(rows)]


def sor(omega, grid, cycles):
    rows = len(grid)
    cols = len(grid[0])
    quarter = omega * 0.25
    keep = 1.0 - omega
    for _ in range(cycles):
        for i in range(1, rows - 1):
            above = grid[i - 1]
            row = grid[i]
            below = grid[i + 1]
            for j in range(1, cols - 1):
                row[j] = quarter * (above[j] + below[j] + row[j - 1] + row[j + 1]) + keep * row[j]


def main(size, cycles):
    grid = random_grid(Random(101010), size, size)
    sor(1.25, grid, cycles)
    total = 0.0
    for row in grid:
        for v in row:
            total += v
    print("%.9f" % total)
    print("%.9f %.9f" % (grid[size // 2][size // 2], grid[1][size - 2]))


main(100, scaled(700))
