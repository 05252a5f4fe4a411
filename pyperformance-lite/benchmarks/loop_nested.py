# loop_nested: nested loops over ranges (loop-in-loop with inner trip counts depending on the
# outer index; the JIT has to handle inner loops and side exits back to the outer loop).

from _scale import sized


def triangle_sums(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += (i ^ j) & 15
    return total


def matrix_walk(n):
    # Sum of i*j over a grid, skipping the diagonal band, with a three-level nest.
    acc = 0
    for i in range(n):
        for j in range(n):
            if -2 <= i - j <= 2:
                continue
            for k in range(3):
                acc += (i * j + k) % 7
    return acc


def main():
    print(triangle_sums(sized(4500, 1400)))
    print(matrix_walk(sized(650, 200)))


main()
