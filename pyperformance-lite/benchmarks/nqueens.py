# nqueens: all solutions of the N-queens puzzle for several board sizes, two ways: a recursive
# generator (yield from, tuple building, any() over a generator) and a bitmask backtracker
# (integer bit operations and recursion).

from _scale import sized


def queens_gen(n, placed=()):
    row = len(placed)
    if row == n:
        yield placed
        return
    for col in range(n):
        if any(c == col or abs(c - col) == row - r for r, c in enumerate(placed)):
            continue
        yield from queens_gen(n, placed + (col,))


def queens_bits(n):
    full = (1 << n) - 1

    def place(cols, left, right):
        if cols == full:
            return 1
        count = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free -= bit
            count += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return count

    return place(0, 0, 0)


def main():
    for n in range(4, sized(11, 9)):
        solutions = list(queens_gen(n))
        checksum = 0
        for sol in solutions:
            for col in sol:
                checksum = (checksum * 31 + col) % 1000000007
        print(n, len(solutions), checksum, solutions[0])
    print(queens_bits(sized(11, 9)), queens_bits(sized(12, 10)))


main()
