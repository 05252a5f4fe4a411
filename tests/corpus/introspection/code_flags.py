# introspection: co_flags bits for plain functions, varargs, generators, coroutines and closures
def plain(): pass
def varargs(*a): pass
def varkw(**k): pass
def gen():
    yield 1
async def coro(): pass
async def agen():
    yield 1
def outer():
    v = 1
    def closure():
        return v
    return closure

for f in [plain, varargs, varkw, gen, coro, agen, outer(), outer]:
    flags = f.__code__.co_flags
    names = []
    for bit, name in [(1, "OPTIMIZED"), (2, "NEWLOCALS"), (4, "VARARGS"), (8, "VARKEYWORDS"),
                      (16, "NESTED"), (32, "GENERATOR"), (128, "COROUTINE"), (512, "ASYNC_GENERATOR")]:
        if flags & bit:
            names.append(name)
    print(f.__name__, names)
