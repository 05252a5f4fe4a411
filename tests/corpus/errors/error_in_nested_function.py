# Uncaught exception raised inside a closure defined within another function.
def make_divider(d):
    def divide(x):
        return x // d
    return divide
halve = make_divider(2)
broken = make_divider(0)
print(halve(9))
print(list(map(broken, [1, 2])))
