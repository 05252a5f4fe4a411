# Async comprehensions and await inside comprehensions
class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v

async def numbers(n):
    for i in range(n):
        yield i

def drive(c):
    steps = 0
    while True:
        try:
            c.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps

async def main():
    a = [x async for x in numbers(4)]
    b = {x: x * x async for x in numbers(3)}
    c = {x % 2 async for x in numbers(5)}
    d = [await Value(i) for i in range(3)]
    e = [y async for x in numbers(3) for y in range(x)]
    g = (x async for x in numbers(3))
    f = [v async for v in g]
    return a, b, c, d, e, f, type(g).__name__

print(drive(main()))
async def awaited_conditions():
    return [i for i in range(6) if await Value(i % 2)]
print(drive(awaited_conditions()))
