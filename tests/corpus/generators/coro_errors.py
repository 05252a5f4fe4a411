# Coroutines: errors of await on non-awaitables and bad __await__ results
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

async def await_int():
    await 1
try:
    run(await_int())
except TypeError as e:
    print("1:", e)

class BadAwait:
    def __await__(self):
        return 5
async def await_bad():
    await BadAwait()
try:
    run(await_bad())
except TypeError as e:
    print("2:", e)

class AwaitCoro:
    def __await__(self):
        self.coro = ok()
        return self.coro
async def ok():
    return 1
aw = AwaitCoro()
async def await_coro_iter():
    await aw
try:
    run(await_coro_iter())
except TypeError as e:
    print("3:", e)
aw.coro.close()

async def reuse():
    c = ok()
    await c
    await c
try:
    run(reuse())
except RuntimeError as e:
    print("4:", e)

def plain_gen():
    yield 1
async def await_gen():
    await plain_gen()
try:
    run(await_gen())
except TypeError as e:
    print("5:", e)

async def await_none():
    await None
try:
    run(await_none())
except TypeError as e:
    print("6:", e)
c = ok()
try:
    c.send(1)
except TypeError as e:
    print("7:", e)
c.close()
c8 = ok()
try:
    iter(c8)
except TypeError as e:
    print("8:", e)
c8.close()
async def final():
    await "text"
run(final())
