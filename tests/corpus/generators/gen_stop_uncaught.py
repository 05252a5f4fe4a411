# Generators: StopIteration escaping from next() at module level is an ordinary traceback
def one():
    yield "only"

g = one()
print(next(g))
print(next(g, "exhausted"))
for value in one():
    print("for sees", value)
values = [v for v in one()]
print(values)
def returns():
    yield 1
    return "the value"
r = returns()
next(r)
next(r)
