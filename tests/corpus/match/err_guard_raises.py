# match: an exception inside a guard propagates with a traceback pointing at the guard
def classify(items):
    match items:
        case [a, b] if a // b > 1:
            return "ratio"
        case [a, b]:
            return "pair"
        case _:
            return "other"

print(classify([8, 2]))
print(classify([1, 2]))
print(classify("xy"))
print(classify([1, 0]))
