# match: literal patterns (numbers, strings, bytes, None/True/False, negative and complex literals)
def kind(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case "abc":
            return "abc string"
        case b"xyz":
            return "xyz bytes"
        case _:
            return "other " + repr(v)

for v in [None, True, False, 0, 0.0, -1, 1.5, 2 + 3j, "abc", b"xyz", 1, 1.0, "ABC", [], ()]:
    print(repr(v), kind(v))
# 1 == True, but True is matched by identity
match 1:
    case True:
        print("1 matched True")
    case 1:
        print("1 matched 1")
