# Setting frame.f_lineno from a trace function (pdb's "jump"): legal jumps forward,
# backward and out of loops/blocks, and CPython's ValueError for the illegal ones.
import sys


def run(func, jump_from, jump_to, *, times=1, event="line"):
    """Calls func under a tracer that jumps from relative line jump_from to jump_to."""
    first = func.__code__.co_firstlineno
    log = []
    left = [times]

    def tracer(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return tracer
        rel = frame.f_lineno - first
        log.append(f"{ev}:{rel}")
        if ev == event and rel == jump_from and left[0] > 0:
            left[0] -= 1
            try:
                frame.f_lineno = first + jump_to
                log.append(f"jumped->{frame.f_lineno - first}")
            except ValueError as e:
                log.append(f"ValueError: {e}")
        return tracer

    sys.settrace(tracer)
    try:
        result = func()
    except Exception as e:
        result = f"{type(e).__name__}: {e}"
    finally:
        sys.settrace(None)
    print(func.__name__, " ".join(log))
    print("  ->", result)


def forward():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out


def backward():
    out = []
    out.append(1)
    out.append(2)
    return out


def out_of_for():
    out = []
    for i in range(5):
        out.append(i)
    out.append("after")
    return out


def out_of_nested_for():
    out = []
    for i in range(3):
        for j in range(3):
            out.append((i, j))
    out.append("done")
    return out


def into_for_body():
    out = []
    out.append("before")
    for i in range(3):
        out.append(i)
    return out


def within_for_body():
    out = []
    for i in range(3):
        out.append(("a", i))
        out.append(("b", i))
        out.append(("c", i))
    return out


def into_except():
    out = []
    try:
        out.append("try")
    except ValueError:
        out.append("except")
    return out


def out_of_except():
    out = []
    try:
        raise KeyError("k")
    except KeyError:
        out.append("handler")
        out.append("skipped")
    out.append("after")
    return out, sys.exception()


def into_with():
    class CM:
        def __enter__(self):
            return "entered"

        def __exit__(self, *a):
            return False

    out = []
    out.append("before")
    with CM() as v:
        out.append(v)
    return out


def out_of_with():
    class CM:
        def __enter__(self):
            print("  enter")
            return self

        def __exit__(self, *a):
            print("  exit")
            return False

    out = []
    with CM():
        out.append("in")
        out.append("skipped")
    out.append("after")
    return out


def into_finally():
    out = []
    try:
        out.append("try")
    finally:
        out.append("finally")
    return out


def to_blank_line():
    out = []
    out.append(1)

    # comment only

    out.append(2)
    return out


def unbound_local():
    x = 1
    y = 2
    return x, y


def while_loop():
    n = 0
    while n < 3:
        n += 1
    return n


run(forward, 2, 4)
run(forward, 4, 2)
run(backward, 3, 2, times=2)
run(out_of_for, 3, 4)
run(out_of_nested_for, 4, 5)
run(into_for_body, 2, 4)
run(within_for_body, 4, 3)
run(into_except, 3, 5)
run(out_of_except, 5, 7)
run(into_with, 9, 11)
run(out_of_with, 13, 15)
run(into_finally, 2, 5)
run(to_blank_line, 2, 4)
run(unbound_local, 1, 2)
run(while_loop, 3, 4)
run(forward, 2, -1)
run(forward, 2, 100)
run(forward, 2, 0)
run(forward, 0, 3, event="call")
run(forward, 5, 2, event="return")


# Setting f_lineno outside a trace function, or on another frame.
def where():
    return sys._getframe()


try:
    where().f_lineno = 1
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print("ValueError:", e)
for bad in ["3", 3.0, True, None]:
    try:
        sys._getframe().f_lineno = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    del sys._getframe().f_lineno
except AttributeError as e:
    print("AttributeError:", e)


# A jump inside a generator, on a line event of its frame.
def gen():
    yield 1
    yield 2
    yield 3


def gen_tracer(frame, ev, arg):
    if frame.f_code is gen.__code__ and ev == "line" and frame.f_lineno == gen.__code__.co_firstlineno + 2:
        frame.f_lineno = gen.__code__.co_firstlineno + 3
    return gen_tracer


sys.settrace(gen_tracer)
print(list(gen()))
sys.settrace(None)
