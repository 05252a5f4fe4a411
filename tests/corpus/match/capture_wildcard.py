# match: capture patterns, wildcard, as-patterns and the bindings left after a failed case
def f(v):
    match v:
        case [a, b] as pair:
            print("pair", a, b, pair)
        case (x):
            print("captured", x)

f([1, 2])
f((3, 4))
f("hello")
f(42)

match 10:
    case _:
        print("wildcard matched")

y = "unset"
match [1, 2, 3]:
    case [y, 0, z]:
        print("no")
    case _:
        pass
print("y after failed case:", y)
match {"k": 5}:
    case {"k": 5 as five} as whole:
        print(five, whole)
print(five, whole)
