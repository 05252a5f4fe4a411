# Uncaught exception raised inside a generator while it is being consumed.
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(5)), sum(squares(10)))
def reciprocals(xs):
    for x in xs:
        yield 1 / x
total = 0
for r in reciprocals([1, 2, 0, 4]):
    total += r
    print('running total', total)
