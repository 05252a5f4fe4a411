# introspection: an uncaught ExceptionGroup prints the box-drawing traceback with nested groups
def fail(n):
    raise ValueError(f"bad {n}")

def collect():
    errors = []
    for i in range(2):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    inner = ExceptionGroup("inner", [TypeError("t")])
    inner.add_note("inner note")
    errors.append(inner)
    raise ExceptionGroup("several failures", errors)

print("start")
collect()
