# match: guards evaluated after binding, guard side effects, and guards raising
calls = []
def check(name, result):
    calls.append(name)
    return result

def g(v):
    match v:
        case [x, y] if check("first", x > y):
            return "descending"
        case [x, y] if check("second", x == y):
            return "equal"
        case [x, *_] if check("third", x is None):
            return "starts with None"
        case _:
            return "other"

for v in [[2, 1], [1, 1], [None, 2], [1, 2], 5]:
    calls.clear()
    print(v, g(v), calls)

match 5:
    case n if n > 10:
        print("big")
    case n:
        print("bound anyway", n)

match [1, 0]:
    case [a, b] if a / b:
        print("unreachable")
