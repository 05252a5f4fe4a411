# N-queens solutions count by backtracking for n = 1..8 and the first solution for n = 8.
def solve(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    sols = []
    def place(r):
        if r == n:
            sols.append(list(board))
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); board.pop()
    place(0)
    return sols
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(8)[0]
for c in first:
    print(' '.join('Q' if i == c else '.' for i in range(8)))
