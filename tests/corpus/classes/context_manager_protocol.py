# __enter__/__exit__: suppression, exception details, missing methods
class CM:
    def __init__(self, suppress): self.suppress = suppress
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM(False) as c:
    print("body", type(c).__name__)
with CM(True):
    raise ValueError("swallowed")
print("after")
try:
    with CM(False):
        raise KeyError("k")
except KeyError as e:
    print("KeyError:", e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter(): pass
except TypeError as e:
    print("TypeError:", e)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit(): pass
except TypeError as e:
    print("TypeError:", e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("inner")
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__context__).__name__)
def f():
    with CM(True):
        return "returned"
print(f())
with CM(False) as a, CM(False) as b:
    print(a is not b)
