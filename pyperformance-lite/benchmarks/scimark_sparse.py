# scimark_sparse: SciMark's sparse matrix-vector multiply in compressed-row storage (row
# pointer / column index / value lists, indirect indexing in an inner loop), repeated.

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


def make_matrix(rng, n, nonzeros):
    per_row = nonzeros // n
    row_ptr = [0] * (n + 1)
    cols = []
    values = []
    for r in range(n):
        step = max(r // per_row, 1)
        for i in range(per_row):
            cols.append(i * step)
            values.append(rng.random())
        row_ptr[r + 1] = len(cols)
    return row_ptr, cols, values


def matmult(y, values, row_ptr, cols, x, cycles):
    rows = len(row_ptr) - 1
    for _ in range(cycles):
        for r in range(rows):
            s = 0.0
            for i in range(row_ptr[r], row_ptr[r + 1]):
                s += x[cols[i]] * values[i]
            y[r] = s


def main(n, nonzeros, cycles):
    rng = Random(97531)
    row_ptr, cols, values = make_matrix(rng, n, nonzeros)
    x = [rng.random() for _ in range(n)]
    y = [0.0] * n
    matmult(y, values, row_ptr, cols, x, cycles)
    print(len(values), row_ptr[-1])
    print("%.9f" % sum(y))
    print("%.9f %.9f" % (y[0], y[-1]))


main(1000, 5000, scaled(2200))
