# match: sequence patterns with lists, tuples, ranges, star captures; str/bytes are not sequences
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [first, *middle, last]:
            return f"first={first!r} middle={middle!r} last={last!r}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), range(5), [1, 2, 3, 4], "ab", b"ab", bytearray(b"ab"),
          {1: 2}, {1, 2}, 5, iter([1, 2])]:
    print(type(v).__name__, seq(v))

match (1, (2, [3, 4])):
    case (a, (b, [c, *d])):
        print(a, b, c, d)
match [1, 2, 3]:
    case [*_, 3]:
        print("ends with 3")
match [1, 2, 3]:
    case [*head, _]:
        print("head", head)
