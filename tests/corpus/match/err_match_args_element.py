# match: __match_args__ elements must be strings; too many positional sub-patterns
class B:
    __match_args__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2

match B():
    case B(1, 2):
        print("both positional")
try:
    match B():
        case B(1, 2, 3):
            print("no")
except TypeError as e:
    print(e)

class C:
    __match_args__ = ("a", 5)
    a = 1
match C():
    case C(1, 2):
        print("unreachable")
