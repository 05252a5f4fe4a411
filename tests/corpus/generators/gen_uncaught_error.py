# Generators: an exception raised inside a generator shows the generator frame in the traceback
def parse(items):
    for item in items:
        yield int(item)

def doubled(items):
    for v in parse(items):
        yield v * 2

print(list(doubled(["1", "2"])))
try:
    list(doubled(["3", "x"]))
except ValueError as e:
    print("ValueError:", e)
g = doubled(["4", "five"])
print(next(g))
def consume(gen):
    total = 0
    for v in gen:
        total += v
    return total
print(consume(doubled(["5"])))
consume(g)
