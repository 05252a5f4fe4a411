# meteor_contest: the "meteor" puzzle: tile a 5x10 hexagonal board with ten 5-cell pieces.
# Every placement of every piece (12 orientations) is precomputed as a bitmask; an exact-cover
# search then fills the lowest empty cell first, pruning boards that leave an empty region whose
# size is not a multiple of five. Exercises big-ish int bit operations, dict/list tables,
# recursion and flood fills. Prints the number of solutions found and the smallest and
# largest of them. (The full search finds all 2098 solutions.)

from _scale import scaled

WIDTH, HEIGHT = 5, 10
CELLS = WIDTH * HEIGHT
E, SE, SW, W, NW, NE = range(6)   # clockwise order: rotating by 60 degrees adds 1 (mod 6)
MIRROR = [W, SW, SE, E, NE, NW]

# Each piece is a walk over hex cells; the cells it visits (revisits allowed) form the piece.
PIECES = [
    [E, E, E, SE],
    [SE, SW, W, SW],
    [W, W, SW, SE],
    [E, E, SW, SE],
    [NW, W, NW, SE, SW],
    [E, E, NE, W],
    [NW, NE, NE, W],
    [NE, SE, E, NE],
    [SE, SE, E, SE],
    [E, NW, NW, NW],
]


def step(x, y, direction):
    """The neighbour of (x, y); odd rows sit half a cell to the right of even rows."""
    if direction == E:
        return x + 1, y
    if direction == W:
        return x - 1, y
    dy = 1 if direction in (SE, SW) else -1
    if y % 2 == 0:
        dx = -1 if direction in (SW, NW) else 0
    else:
        dx = 0 if direction in (SW, NW) else 1
    return x + dx, y + dy


def neighbours(cell):
    x, y = cell % WIDTH, cell // WIDTH
    out = []
    for d in range(6):
        nx, ny = step(x, y, d)
        if 0 <= nx < WIDTH and 0 <= ny < HEIGHT:
            out.append(ny * WIDTH + nx)
    return out


NEIGHBOURS = [neighbours(c) for c in range(CELLS)]


def orientations(walk):
    out = []
    for flip in (False, True):
        base = [MIRROR[d] for d in walk] if flip else walk
        for turn in range(6):
            out.append([(d + turn) % 6 for d in base])
    return out


def placements(walk):
    """Bitmasks of every placement of the piece on the board, without duplicates."""
    masks = {}
    for oriented in orientations(walk):
        for start in range(CELLS):
            x, y = start % WIDTH, start // WIDTH
            cells = [start]
            inside = True
            for d in oriented:
                x, y = step(x, y, d)
                if not (0 <= x < WIDTH and 0 <= y < HEIGHT):
                    inside = False
                    break
                cells.append(y * WIDTH + x)
            if inside:
                mask = 0
                for c in cells:
                    mask |= 1 << c
                masks[mask] = True
    return list(masks)


def lowest_cell(mask):
    return (mask & -mask).bit_length() - 1


def build_table():
    """table[cell][piece]: placements of `piece` whose lowest cell is `cell`."""
    table = [[[] for _ in PIECES] for _ in range(CELLS)]
    for piece, walk in enumerate(PIECES):
        for mask in placements(walk):
            table[lowest_cell(mask)][piece].append(mask)
    return table


def regions_ok(board):
    """False if some empty region's size is not a multiple of five."""
    seen = board
    full = (1 << CELLS) - 1
    while seen != full:
        start = lowest_cell(~seen & full)
        seen |= 1 << start
        stack = [start]
        size = 0
        while stack:
            c = stack.pop()
            size += 1
            for n in NEIGHBOURS[c]:
                bit = 1 << n
                if not seen & bit:
                    seen |= bit
                    stack.append(n)
        if size % 5:
            return False
    return True


class Solver:
    def __init__(self, limit):
        self.table = build_table()
        self.limit = limit
        self.solutions = []
        self.placed = [0] * len(PIECES)
        self.full = (1 << CELLS) - 1

    def render(self):
        out = ["?"] * CELLS
        for piece, mask in enumerate(self.placed):
            for c in range(CELLS):
                if mask >> c & 1:
                    out[c] = str(piece)
        return "".join(out)

    def solve(self, board, unused):
        if board == self.full:
            self.solutions.append(self.render())
            return len(self.solutions) >= self.limit
        cell = lowest_cell(~board & self.full)
        options = self.table[cell]
        for piece in unused:
            for mask in options[piece]:
                if board & mask:
                    continue
                new_board = board | mask
                if not regions_ok(new_board):
                    continue
                self.placed[piece] = mask
                rest = [p for p in unused if p != piece]
                if self.solve(new_board, rest):
                    return True
        return False


def main(limit):
    solver = Solver(limit)
    print(sum(len(per_piece) for row in solver.table for per_piece in row))
    solver.solve(0, list(range(len(PIECES))))
    print(len(solver.solutions))
    print(min(solver.solutions))
    print(max(solver.solutions))


main(scaled(350))
