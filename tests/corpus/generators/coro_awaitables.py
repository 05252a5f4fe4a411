# Coroutines: custom awaitables with __await__ suspend the whole await chain
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        reply = yield self.label
        return f"{self.label}->{reply}"

async def step(name):
    first = await Suspend(name + "1")
    second = await Suspend(name + "2")
    return [first, second]

async def main():
    a = await step("a")
    b = await step("b")
    return a + b

coro = main()
value = None
turn = 0
while True:
    try:
        yielded = coro.send(value)
    except StopIteration as e:
        print("result", e.value)
        break
    print("yielded", yielded)
    turn += 1
    value = turn

class Immediate:
    def __await__(self):
        return iter([])
async def use_immediate():
    return await Immediate()
try:
    use_immediate().send(None)
except StopIteration as e:
    print("immediate", e.value)

class GenAwait:
    def __await__(self):
        yield "paused"
        return 99
async def use_gen():
    v = await GenAwait()
    return v + 1
g = use_gen()
print(g.send(None))
print(type(g.cr_await).__name__)
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
