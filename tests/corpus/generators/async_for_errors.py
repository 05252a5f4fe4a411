# async for: TypeErrors for objects without __aiter__/__anext__
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

async def over(obj):
    async for x in obj:
        pass

try:
    run(over(5))
except TypeError as e:
    print("1:", e)
try:
    run(over([1, 2]))
except TypeError as e:
    print("2:", e)

class NoAnext:
    def __aiter__(self):
        return 7
try:
    run(over(NoAnext()))
except TypeError as e:
    print("3:", e)

class SyncAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 3
try:
    run(over(SyncAnext()))
except TypeError as e:
    print("4:", e)

class AiterGen:
    def __aiter__(self):
        return (x for x in [1])
try:
    run(over(AiterGen()))
except TypeError as e:
    print("5:", e)
print("done")
run(over(None))
