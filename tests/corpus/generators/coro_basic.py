# Coroutines: async def, await, driven by send(None) without an event loop
async def add(a, b):
    return a + b

async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")

print(run(compute()))
c = add(5, 6)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_code.co_name)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c2 = compute()
c2.close()
print(c2.cr_frame)
async def raiser():
    raise ValueError("from coroutine")
try:
    run(raiser())
except ValueError as e:
    print("ValueError:", e)
async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return f"caught {e}"
print(run(catcher()))
import sys
print(hasattr(c, "__await__"), hasattr(c, "__next__"), hasattr(c, "__iter__"))
print(add.__code__.co_flags & 0x80 != 0)
