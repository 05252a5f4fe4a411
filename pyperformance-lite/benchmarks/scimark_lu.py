# scimark_lu: SciMark's dense LU factorisation with partial pivoting of random square matrices
# (row swaps by list element exchange, abs(), float division, triple nested loops), then a
# forward/back substitution to check the factors solve A x = b.

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


def lu_factor(a, pivot):
    n = len(a)
    for j in range(n):
        # Pick the row with the largest |a[i][j]| at or below the diagonal.
        best = j
        best_abs = abs(a[j][j])
        for i in range(j + 1, n):
            v = abs(a[i][j])
            if v > best_abs:
                best = i
                best_abs = v
        pivot[j] = best
        if best != j:
            a[j], a[best] = a[best], a[j]
        if a[j][j] == 0.0:
            raise ZeroDivisionError("singular matrix")
        if j < n - 1:
            recip = 1.0 / a[j][j]
            for k in range(j + 1, n):
                a[k][j] *= recip
        if j < n - 1:
            row_j = a[j]
            for ii in range(j + 1, n):
                row_i = a[ii]
                factor = row_i[j]
                for jj in range(j + 1, n):
                    row_i[jj] -= factor * row_j[jj]


def lu_solve(lu, pivot, b):
    n = len(lu)
    x = b[:]
    for i in range(n):
        p = pivot[i]
        x[i], x[p] = x[p], x[i]
    for i in range(n):
        s = x[i]
        row = lu[i]
        for j in range(i):
            s -= row[j] * x[j]
        x[i] = s
    for i in range(n - 1, -1, -1):
        s = x[i]
        row = lu[i]
        for j in range(i + 1, n):
            s -= row[j] * x[j]
        x[i] = s / row[i]
    return x


def main(size, repeats):
    rng = Random(31337)
    checksum = 0.0
    pivots = 0
    solved = 0
    for _ in range(repeats):
        a = [[rng.random() for _ in range(size)] for _ in range(size)]
        original = [row[:] for row in a]
        b = [rng.random() for _ in range(size)]
        pivot = [0] * size
        lu_factor(a, pivot)
        x = lu_solve(a, pivot, b)
        residual = 0.0
        for i in range(size):
            s = 0.0
            row = original[i]
            for j in range(size):
                s += row[j] * x[j]
            residual = max(residual, abs(s - b[i]))
        checksum += sum(sum(row) for row in a)
        pivots += sum(pivot)
        solved += residual < 1e-9
    print(pivots, solved)
    print("%.6f" % checksum)


main(100, scaled(35))
