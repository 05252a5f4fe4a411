# match: value patterns (dotted names) compare with ==, including enum-like class constants
class Color:
    RED = 1
    GREEN = 2
    BLUE = 3

class NS:
    pass
ns = NS()
ns.limit = 10
ns.inner = NS()
ns.inner.name = "deep"

def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case ns.limit:
            return "limit"
        case ns.inner.name:
            return "inner name"
        case _:
            return "unknown"

for c in [1, 2, 3, 10, 10.0, True, "deep", "shallow"]:
    print(repr(c), name(c))

class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return True
class Holder:
    e = Eq()
match 42:
    case Holder.e:
        print("matched through __eq__")
