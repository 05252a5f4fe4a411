# coroutines: native `async def` coroutines awaiting each other recursively (a Fibonacci tree of
# awaits, driven by send(None) without an event loop) and generator-based coroutines fed with
# send() that keep running state.

from _scale import scaled, sized


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


class Awaitable:
    """A hand-written awaitable that suspends once before producing its value."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield self.value
        return self.value * 2


async def gather(n):
    total = 0
    for i in range(n):
        total += await Awaitable(i)
    return total


def run(coro):
    suspensions = 0
    try:
        while True:
            coro.send(None)
            suspensions += 1
    except StopIteration as stop:
        return stop.value, suspensions


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def main():
    print(run(fibonacci(sized(29, 22))))
    print(run(gather(scaled(1000000))))
    avg = averager()
    next(avg)
    result = 0
    for i in range(scaled(2000000)):
        result = avg.send(i * 3 % 1001)
    print(result)


main()
