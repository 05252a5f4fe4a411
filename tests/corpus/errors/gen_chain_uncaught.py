# An exception raised deep inside generators driven by `for` and `yield from` (resumed
# inside the interpreter loop) and never caught: the traceback lists every generator frame
# and collapses the repeated ones.


def nested(depth):
    if depth == 0:
        yield "bottom"
        raise ValueError("deep failure")
    yield from nested(depth - 1)


def consume(depth):
    for item in nested(depth):
        print(item)


consume(12)
