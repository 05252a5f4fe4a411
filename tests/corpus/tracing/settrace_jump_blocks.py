# frame.f_lineno jumps around try/except/finally, match, comprehensions and generators:
# which targets CPython's stack analysis accepts, and its messages for the others.
import sys


def run(func, jump_from, jump_to, event="line"):
    first = func.__code__.co_firstlineno
    log = []
    done = []

    def tracer(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return tracer
        rel = frame.f_lineno - first
        log.append(f"{ev}:{rel}")
        if ev == event and rel == jump_from and not done:
            done.append(1)
            try:
                frame.f_lineno = first + jump_to
                log.append(f"jumped->{frame.f_lineno - first}")
            except ValueError as e:
                log.append(f"ValueError: {e}")
        return tracer

    sys.settrace(tracer)
    try:
        result = func()
        if hasattr(result, "__next__"):
            result = list(result)
    except Exception as e:
        result = f"{type(e).__name__}: {e}"
    finally:
        sys.settrace(None)
    print(func.__name__, jump_from, "->", jump_to, " ".join(log))
    print("  =", result)


def try_except_finally():
    out = []
    try:
        out.append("body")
        raise ValueError("v")
    except ValueError:
        out.append("handler")
    finally:
        out.append("finally")
    out.append("end")
    return out


def nested_try():
    out = []
    try:
        try:
            out.append("inner")
            raise KeyError
        except KeyError:
            out.append("inner handler")
            out.append("more")
    except Exception:
        out.append("outer")
    return out


def match_stmt():
    out = []
    x = (1, 2)
    match x:
        case (1, y):
            out.append(y)
        case _:
            out.append("other")
    return out


def comprehension():
    data = [1, 2, 3]
    out = [v * 2 for v in data]
    out.append("after")
    return out


def gen():
    yield "a"
    yield "b"
    yield "c"
    yield "d"


def while_true():
    n = 0
    while True:
        n += 1
        if n > 2:
            break
    return n


def multi_line_call():
    out = []
    out.append(
        "x"
    )
    out.append("y")
    return out


for case in [
    (try_except_finally, 3, 7),
    (try_except_finally, 5, 8),
    (try_except_finally, 2, 5),
    (try_except_finally, 5, 1),
    (nested_try, 3, 8),
    (nested_try, 7, 8),
    (nested_try, 7, 11),
    (nested_try, 3, 10),
    (match_stmt, 3, 7),
    (match_stmt, 5, 7),
    (comprehension, 2, 3),
    (gen, 2, 4),
    (gen, 1, 3),
    (gen, 3, 1),
    (while_true, 3, 6),
    (while_true, 5, 2),
    (multi_line_call, 1, 3),
    (multi_line_call, 2, 5),
    (try_except_finally, 5, 7, "exception"),
    (gen, 2, 4, "call"),
    (gen, 2, 4, "return"),
]:
    run(*case)
