# Async generators: athrow, aclose, finally blocks and ignored GeneratorExit
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return ("returned", e.value)
    return "suspended"

async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "after error"
    finally:
        print("finally")

g = guarded()
print(run(g.asend(None)))
print(run(g.athrow(ValueError("boom"))))
print(run(g.aclose()))
try:
    run(g.asend(None))
except StopAsyncIteration:
    print("closed generator is exhausted")

g2 = guarded()
print(run(g2.aclose()))
print("unstarted aclose ok")

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
run(s.asend(None))
try:
    run(s.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)

async def propagate():
    yield 1
p = propagate()
run(p.asend(None))
try:
    run(p.athrow(KeyError("out")))
except KeyError as e:
    print("KeyError", e)
async def stop_inside():
    yield 1
    raise StopAsyncIteration
si = stop_inside()
run(si.asend(None))
try:
    run(si.asend(None))
except RuntimeError as e:
    print("RuntimeError:", e)
