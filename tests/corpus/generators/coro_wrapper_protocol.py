# Coroutines: __await__ of a coroutine, generator-based awaitables via __await__
async def inner(x):
    return x * 3

c = inner(4)
w = c.__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("via wrapper", e.value)

class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def __await__(self):
        while not self.done:
            yield self
        return self.result

async def waiter(fut):
    value = await fut
    return f"future gave {value}"

fut = Future()
co = waiter(fut)
print(co.send(None) is fut)
print(co.send(None) is fut)
fut.result = 42
fut.done = True
try:
    co.send(None)
except StopIteration as e:
    print(e.value)

class Chain:
    def __await__(self):
        return inner(5).__await__()
async def use_chain():
    return await Chain()
try:
    use_chain().send(None)
except StopIteration as e:
    print("chained", e.value)
