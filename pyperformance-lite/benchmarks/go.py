# go: Monte-Carlo tree search (UCT) playing the first moves of a 7x7 Go game: random playouts
# with captures, ko and suicide rules, flood fills over groups, area scoring. Exercises lists of
# small ints, object trees, float UCB arithmetic with math.sqrt/math.log, many short loops.
# Imports: math.

from _scale import scaled

import math

EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 8.5


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


def make_neighbors(size):
    table = []
    for pos in range(size * size):
        row, col = divmod(pos, size)
        nbs = []
        if row > 0:
            nbs.append(pos - size)
        if col > 0:
            nbs.append(pos - 1)
        if col < size - 1:
            nbs.append(pos + 1)
        if row < size - 1:
            nbs.append(pos + size)
        table.append(nbs)
    return table


class Board:
    def __init__(self, size):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.neighbors = make_neighbors(size)
        self.ko = PASS
        self.to_move = BLACK
        self.passes = 0
        self.moves = 0
        self.marks = [0] * (size * size)
        self.stamp = 0

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.cells = self.cells[:]
        b.neighbors = self.neighbors
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.moves = self.moves
        b.marks = [0] * len(self.cells)
        b.stamp = 0
        return b

    def group(self, pos):
        """The stones connected to `pos` and whether the group has at least one liberty."""
        self.stamp += 1
        stamp = self.stamp
        marks = self.marks
        cells = self.cells
        color = cells[pos]
        stones = [pos]
        marks[pos] = stamp
        free = False
        i = 0
        while i < len(stones):
            for nb in self.neighbors[stones[i]]:
                if marks[nb] != stamp:
                    c = cells[nb]
                    if c == color:
                        marks[nb] = stamp
                        stones.append(nb)
                    elif c == EMPTY:
                        free = True
            i += 1
        return stones, free

    def is_eye(self, pos, color):
        for nb in self.neighbors[pos]:
            if self.cells[nb] != color:
                return False
        return True

    def play(self, pos):
        """Plays `pos` for the side to move; returns False (board unchanged) if illegal."""
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            self.to_move = 3 - self.to_move
            return True
        cells = self.cells
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        color = self.to_move
        other = 3 - color
        cells[pos] = color
        captured = []
        for nb in self.neighbors[pos]:
            if cells[nb] == other:
                stones, free = self.group(nb)
                if not free:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        stones, free = self.group(pos)
        if not free:
            cells[pos] = EMPTY
            return False
        if len(captured) == 1 and len(stones) == 1:
            self.ko = captured[0]
        else:
            self.ko = PASS
        self.to_move = other
        self.passes = 0
        self.moves += 1
        return True

    def candidates(self):
        color = self.to_move
        return [p for p in range(len(self.cells))
                if self.cells[p] == EMPTY and p != self.ko and not self.is_eye(p, color)]

    def random_move(self, rng):
        empties = [p for p in range(len(self.cells)) if self.cells[p] == EMPTY]
        count = len(empties)
        color = self.to_move
        while count:
            i = rng.below(count)
            p = empties[i]
            count -= 1
            empties[i] = empties[count]
            if not self.is_eye(p, color) and self.play(p):
                return p
        self.play(PASS)
        return PASS

    def playout(self, rng):
        limit = 3 * len(self.cells)
        while self.passes < 2 and self.moves < limit:
            self.random_move(rng)

    def score(self):
        """Area score: black minus white, komi included."""
        black = white = 0
        for pos, c in enumerate(self.cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                seen = 0
                for nb in self.neighbors[pos]:
                    seen |= self.cells[nb]
                if seen == BLACK:
                    black += 1
                elif seen == WHITE:
                    white += 1
        return black - white - KOMI


class Node:
    def __init__(self, move, mover, parent):
        self.move = move
        self.mover = mover
        self.parent = parent
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def select(self):
        log_n = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + 1.2 * math.sqrt(log_n / child.visits)
            if value > best_value:
                best_value = value
                best = child
        return best


def search(board, playouts, rng):
    root = Node(PASS, 3 - board.to_move, None)
    for _ in range(playouts):
        b = board.copy()
        node = root
        while node.untried is not None and not node.untried and node.children:
            node = node.select()
            b.play(node.move)
        if node.untried is None:
            node.untried = b.candidates()
        while node.untried:
            move = node.untried.pop(rng.below(len(node.untried)))
            mover = b.to_move
            if b.play(move):
                child = Node(move, mover, node)
                node.children.append(child)
                node = child
                break
        b.playout(rng)
        winner = BLACK if b.score() > 0 else WHITE
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    return best


def coords(pos, size):
    if pos == PASS:
        return "pass"
    return "ABCDEFGHJ"[pos % size] + str(pos // size + 1)


def main(moves, playouts):
    rng = Random(12345)
    board = Board(7)
    played = []
    for _ in range(moves):
        best = search(board, playouts, rng)
        move = best.move if best is not None else PASS
        board.play(move)
        played.append("%s(%d/%d)" % (coords(move, 7), best.wins, best.visits))
    print(" ".join(played))
    print(board.score(), board.cells.count(BLACK), board.cells.count(WHITE))


main(3, scaled(180))
