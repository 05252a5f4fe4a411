# introspection: notes printed after the message in an uncaught traceback, chained context
def load():
    try:
        {}["missing"]
    except KeyError as e:
        e.add_note("note on the first exception")
        err = RuntimeError("load failed")
        err.add_note("first note")
        err.add_note("second note\nwith two lines")
        raise err

load()
