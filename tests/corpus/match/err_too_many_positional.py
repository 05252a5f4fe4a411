# match: a class without __match_args__ accepts no positional sub-patterns (uncaught TypeError)
class Point:
    def __init__(self, x):
        self.x = x

p = Point(3)
match p:
    case Point(x=3):
        print("keyword works", p.x)
match 5:
    case int(5):
        print("int accepts one")
try:
    match 5:
        case int(5, 6):
            print("no")
except TypeError as e:
    print("TypeError:", e)
match p:
    case Point(3):
        print("unreachable")
