# async with: __aenter__/__aexit__, suppression, and protocol errors
class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress

def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

async def simple():
    async with Manager("a") as v:
        print("body", v)
    return "simple done"
print(run(simple()))

async def suppressed():
    async with Manager("b", suppress=True):
        raise ValueError("hidden")
    return "after suppressed"
print(run(suppressed()))

async def propagated():
    async with Manager("c"):
        raise KeyError("shown")
try:
    run(propagated())
except KeyError as e:
    print("KeyError", e)

async def multiple():
    async with Manager("x") as a, Manager("y") as b:
        return a + b
print(run(multiple()))

async def early_return():
    for i in range(3):
        async with Manager(f"loop{i}"):
            if i == 1:
                return i
print(run(early_return()))

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
async def wrong():
    async with SyncOnly():
        pass
try:
    run(wrong())
except TypeError as e:
    print("TypeError:", e)

class NoAexit:
    async def __aenter__(self):
        return 1
async def half():
    async with NoAexit():
        pass
try:
    run(half())
except TypeError as e:
    print("TypeError:", e)
async def bad_enter():
    async with 5:
        pass
run(bad_enter())
