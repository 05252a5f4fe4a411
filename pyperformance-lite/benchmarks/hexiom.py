# hexiom: solves Hexiom-style puzzles by backtracking: numbered tiles must be placed on a
# hexagonal board so that each tile's number equals its count of occupied neighbouring cells.
# Puzzles are generated from a seeded generator; every solution is counted. Exercises recursion,
# list state with undo, small-int counting arrays and neighbour tables.

from _scale import sized

UNSET = -2
HOLE = -1


class Random:
    """xorshift32: the same stream on every interpreter."""

    def __init__(self, seed):
        self.state = seed or 1

    def below(self, n):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x % n


class HexBoard:
    def __init__(self, radius):
        self.coords = []
        for r in range(-radius, radius + 1):
            for q in range(-radius, radius + 1):
                if abs(q + r) <= radius:
                    self.coords.append((q, r))
        index = {c: i for i, c in enumerate(self.coords)}
        self.neighbors = []
        for q, r in self.coords:
            nbs = []
            for dq, dr in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)):
                j = index.get((q + dq, r + dr))
                if j is not None:
                    nbs.append(j)
            self.neighbors.append(nbs)
        self.size = len(self.coords)


class Puzzle:
    def __init__(self, board, counts, holes):
        self.board = board
        self.counts = counts
        self.holes = holes
        self.values = [UNSET] * board.size
        self.solutions = 0
        self.first = None

    def consistent(self, cell):
        values = self.values
        neighbors = self.board.neighbors
        for c in [cell] + neighbors[cell]:
            v = values[c]
            if v < 0:
                continue
            occupied = 0
            unknown = 0
            for nb in neighbors[c]:
                w = values[nb]
                if w == UNSET:
                    unknown += 1
                elif w != HOLE:
                    occupied += 1
            if v < occupied or v > occupied + unknown:
                return False
        return True

    def solve(self, cell=0):
        if cell == self.board.size:
            self.solutions += 1
            if self.first is None:
                self.first = "".join("." if v == HOLE else str(v) for v in self.values)
            return
        values = self.values
        if self.holes:
            self.holes -= 1
            values[cell] = HOLE
            if self.consistent(cell):
                self.solve(cell + 1)
            self.holes += 1
        counts = self.counts
        for v in range(7):
            if counts[v]:
                counts[v] -= 1
                values[cell] = v
                if self.consistent(cell):
                    self.solve(cell + 1)
                counts[v] += 1
        values[cell] = UNSET


def make_puzzle(board, holes, rng):
    occupied = [True] * board.size
    left = holes
    while left:
        i = rng.below(board.size)
        if occupied[i]:
            occupied[i] = False
            left -= 1
    counts = [0] * 7
    for i in range(board.size):
        if occupied[i]:
            counts[sum(1 for nb in board.neighbors[i] if occupied[nb])] += 1
    return Puzzle(board, counts, holes)


def main(puzzles):
    board = HexBoard(2)
    rng = Random(4242)
    total = 0
    for n in range(puzzles):
        puzzle = make_puzzle(board, 5 + n % 4, rng)
        puzzle.solve()
        total += puzzle.solutions
        print(n, puzzle.counts, puzzle.solutions, puzzle.first)
    print(total)


main(sized(5, 2))
