# A `while` loop whose inner `for` loop is compiled while its values are small ints and
# later, once its intermediate values are ints beyond the small-int range, loses its tree
# (an exit whose side trace keeps aborting) and is blacklisted: the outer loop's tree then
# calls an inner loop without a tree until the JIT gives the outer tree up (the right
# tree is dropped each time). The interpreter runs both loops; the results must not change.


def walk(limit, shift):
    total = 0
    todo = list(range(limit))
    while todo:
        c = todo.pop()
        total += c
        acc = total
        for n in (c, c + 1, c + 2):
            acc = (acc + ((n + 1) << shift)) % 1000003
        total = acc
    return total


results = []
for round in range(60):
    shift = 3 if round < 10 else 50
    results.append(walk(150 + round % 7, shift))
print(results[:12])
print(sum(results))
