# async for: custom asynchronous iterators and StopAsyncIteration
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

async def collect(n):
    out = []
    async for v in Ticker(n):
        out.append(v)
    return out

async def with_else():
    async for v in Ticker(2):
        if v > 100:
            break
    else:
        return "else ran"

async def with_break():
    async for v in Ticker(5):
        if v == 30:
            break
    else:
        return "no"
    return v

async def nested():
    pairs = []
    async for a in Ticker(2):
        async for b in Ticker(2):
            pairs.append((a, b))
    return pairs

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
    return "suspended"

print(run(collect(3)))
print(run(collect(0)))
print(run(with_else()))
print(run(with_break()))
print(run(nested()))
async def comp():
    return [v async for v in Ticker(4) if v != 20]
print(run(comp()))
async def raising_iter():
    class Bad:
        def __aiter__(self):
            return self
        async def __anext__(self):
            raise KeyError("inside anext")
    try:
        async for _ in Bad():
            pass
    except KeyError as e:
        return f"caught {e}"
print(run(raising_iter()))
