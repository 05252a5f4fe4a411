# introspection: except* handles parts of a group; unhandled parts re-raise as a group
def run(excs):
    try:
        raise ExceptionGroup("batch", excs)
    except* ValueError as g:
        print("values:", repr(g))
    except* TypeError as g:
        print("types:", repr(g))

run([ValueError(1), TypeError(2)])
run([ValueError(1), ValueError(2)])
try:
    run([ValueError(1), KeyError(3)])
except ExceptionGroup as eg:
    print("leftover:", repr(eg))
try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("naked wrapped:", repr(g), g.exceptions[0].__traceback__ is not None)
except Exception as e:
    print("unexpected", e)
def raise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("from handler")
try:
    raise_in_handler()
except ExceptionGroup as eg:
    print(repr(eg), repr(eg.exceptions[0].__context__))
