# match: a mapping pattern with equal keys from value patterns raises ValueError
class K:
    one = 1
    also_one = 1.0

match {1: "a", 2: "b"}:
    case {K.one: v}:
        print("found", v)
try:
    match {1: "a"}:
        case {K.one: a, K.also_one: b}:
            print("no")
except ValueError as e:
    print("ValueError:", e)
match {"x": 1}:
    case {K.one: a, K.also_one: b}:
        print("unreachable")
    case _:
        print("duplicate check only runs when the first key exists?")
match {1: 1}:
    case {K.one: a, K.also_one: b}:
        print("unreachable")
