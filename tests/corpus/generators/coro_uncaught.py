# Coroutines: an uncaught exception's traceback passes through every awaiting frame
class Pause:
    def __await__(self):
        yield

async def leaf(n):
    await Pause()
    return 10 // n

async def middle(n):
    return await leaf(n)

async def top(n):
    return await middle(n) + 1

def run(c):
    while True:
        try:
            c.send(None)
        except StopIteration as e:
            return e.value

print(run(top(5)))
print(run(top(2)))
run(top(0))
