# introspection: except* leaving a part unhandled re-raises it with the group traceback
def work():
    try:
        raise ExceptionGroup("jobs", [ValueError("v"), OSError("o")])
    except* ValueError as eg:
        print("handled", repr(eg))

work()
