# introspection: add_note, __notes__ and how notes print in an uncaught traceback
e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second\nmultiline note")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)
del e.__notes__

def work():
    try:
        raise KeyError("missing")
    except KeyError as err:
        err.add_note("while looking up the config")
        raise

try:
    work()
except KeyError as err:
    print(err.__notes__)
    err.add_note("caught once")
    raise
