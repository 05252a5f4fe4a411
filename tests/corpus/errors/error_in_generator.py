# Uncaught exception raised inside a generator while it is being consumed.
def reciprocals(xs):
    for x in xs:
        yield 1 / x
total = 0
for r in reciprocals([1, 2, 0, 4]):
    total += r
    print('running total', total)
