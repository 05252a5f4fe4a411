# match: __match_args__ must be a tuple; a list is rejected when positional patterns are used
class A:
    __match_args__ = ["x"]
    def __init__(self):
        self.x = 1

match A():
    case A(x=1):
        print("keywords do not look at __match_args__")
match 3:
    case A(1):
        print("not an instance: no check")
    case _:
        print("non-instance falls through")
match A():
    case A(1):
        print("unreachable")
