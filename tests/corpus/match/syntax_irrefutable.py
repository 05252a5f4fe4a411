# match: an irrefutable case before others is a SyntaxError at compile time
def f(v):
    match v:
        case x:
            return 1
        case 2:
            return 2
print(f(1))
