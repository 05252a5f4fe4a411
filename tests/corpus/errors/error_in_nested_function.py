# Uncaught exception raised inside a closure defined within another function.
def make_adder(k):
    def add(x):
        return x + k
    return add
print(make_adder(3)(4), list(map(make_adder(10), [1, 2])))
def make_divider(d):
    def divide(x):
        return x // d
    return divide
halve = make_divider(2)
broken = make_divider(0)
print(halve(9))
print(list(map(broken, [1, 2])))
