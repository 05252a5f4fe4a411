# introspection: group tracebacks truncate after 15 members and show chained members
def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("after zero") from e

members = []
try:
    chained()
except ValueError as e:
    members.append(e)
members.extend(KeyError(i) for i in range(16))
print(len(members))
try:
    raise ExceptionGroup("wide", members)
except ExceptionGroup as eg:
    print(len(eg.exceptions), repr(eg.exceptions[0].__cause__))
    wrapped = eg
raise RuntimeError("outer") from wrapped
