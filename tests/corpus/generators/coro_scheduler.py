# Coroutines: a round-robin scheduler driving several coroutines with send(None)
class Yield:
    def __await__(self):
        yield

async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return f"{name} done"

async def sleeper(ticks):
    for _ in range(ticks):
        await Yield()
    return ticks

async def composite(log):
    t = await sleeper(2)
    log.append(f"slept {t}")
    return await worker("z", 2, log)

def run_all(coros):
    results = {}
    queue = list(enumerate(coros))
    while queue:
        idx, c = queue.pop(0)
        try:
            c.send(None)
        except StopIteration as e:
            results[idx] = e.value
        else:
            queue.append((idx, c))
    return [results[i] for i in range(len(coros))]

log = []
print(run_all([worker("a", 3, log), worker("b", 1, log), composite(log)]))
print(log)
async def failing(log):
    await Yield()
    raise KeyError("fail")
log = []
try:
    run_all([worker("c", 2, log), failing(log)])
except KeyError as e:
    print("KeyError", e, log)
