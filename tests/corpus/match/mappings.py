# match: mapping patterns, **rest, extra keys, missing keys, None values and dict subclasses
def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "empty", **rest} if not rest:
            return "empty, no extras"
        case {"type": t, **rest}:
            return f"type {t} rest {rest}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "empty"}))
print(m({"type": "empty", "a": 1}))
print(m({"type": None}))
print(m({"x": 1}))
print(m({}))
print(m([("type", "point")]))

class D(dict):
    def __missing__(self, key):
        print("missing called for", key)
        return 0

print(m(D(type="box", w=2)))
match {"a": None}:
    case {"a": None}:
        print("None value matched")
match {1: "one", 2: "two"}:
    case {1: one, **others}:
        print(one, others)
