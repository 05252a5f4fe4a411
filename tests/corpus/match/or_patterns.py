# match: or-patterns binding the same names, nested or-patterns and alternatives order
def f(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case [x, 0] | [0, x]:
            return f"one zero, other {x}"
        case {"a": x} | {"b": x}:
            return f"a-or-b {x}"
        case (1 | 2) as n:
            return "unreachable"
        case [("x" | "y") as axis, value]:
            return f"axis {axis} {value}"
        case _:
            return "nothing"

for v in [1, 3, [5, 0], [0, 7], {"a": 1}, {"b": 2, "a": 3}, ["x", 1], ["y", 2], ["z", 3], 9]:
    print(repr(v), f(v))
