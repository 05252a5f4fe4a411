# Coroutines: throw() and close() through an await chain, cr_await and cr_frame
class Pause:
    def __await__(self):
        try:
            yield "paused"
        except KeyError as e:
            print("awaitable caught", repr(e))
            return "recovered"

async def inner():
    try:
        r = await Pause()
        print("inner got", r)
        await Pause()
    finally:
        print("inner finally")
    return "inner result"

async def outer():
    try:
        return await inner()
    except ValueError as e:
        print("outer caught", e)
        return "from outer"

c = outer()
print(c.send(None))
print(c.throw(KeyError("k")))
try:
    c.throw(ValueError("v"))
except StopIteration as e:
    print("stop", e.value)
c = outer()
c.send(None)
print(type(c.cr_await).__name__, c.cr_suspended)
c.close()
print(c.cr_await, c.cr_frame, c.cr_suspended)
c = outer()
try:
    c.throw(TypeError("before start"))
except TypeError as e:
    print("unstarted throw", e)
c = outer()
c.send(None)
try:
    c.throw(IndexError)
except IndexError:
    print("IndexError escaped")
