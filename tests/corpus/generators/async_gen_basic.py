# Async generators: async for over them, asend, athrow, aclose driven by send(None)
class Tick:
    def __await__(self):
        yield "tick"

async def agen(n):
    for i in range(n):
        await Tick()
        yield i

def drive(coro):
    sent = []
    while True:
        try:
            sent.append(coro.send(None))
        except StopIteration as e:
            return e.value, sent

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(drive(consume()))

a = agen(2)
print(type(a).__name__, a.__name__, a.__qualname__)
print(a.ag_running, a.ag_code.co_name, a.ag_await)
aw = a.__anext__()
print(type(aw).__name__)
print(aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("first value", e.value)

async def plain():
    yield "x"
    yield "y"
p = plain()
try:
    p.asend(None).send(None)
except StopIteration as e:
    print("asend", e.value)
try:
    p.__anext__().send(None)
except StopIteration as e:
    print("anext", e.value)
try:
    p.__anext__().send(None)
except StopAsyncIteration as e:
    print("exhausted", type(e).__name__, e.args)

async def echo():
    received = None
    while True:
        received = yield f"got {received}"

e = echo()
for value in [None, 1, 2]:
    try:
        e.asend(value).send(None)
    except StopIteration as s:
        print(s.value)
async def comp():
    return [x * 2 async for x in plain()]
print(drive(comp()))
print(hasattr(p, "__aiter__"), p.__aiter__() is p)
