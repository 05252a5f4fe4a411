# match: naming the same attribute positionally and by keyword is a TypeError
class P:
    __match_args__ = ("x", "y")
    x = 1
    y = 2

match P():
    case P(1, y=2):
        print("fine")
match P():
    case P(x=1, y=3):
        print("no")
    case P(x=1):
        print("keyword only")
match P():
    case P(1, x=1):
        print("unreachable")
