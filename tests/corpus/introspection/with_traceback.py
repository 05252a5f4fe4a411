# introspection: __traceback__, with_traceback, tb_next/tb_lineno/tb_frame chains
import sys
def inner():
    raise ValueError("deep")
def middle():
    inner()
try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb.tb_lasti).__name__)
        tb = tb.tb_next
    saved = e.__traceback__
e2 = RuntimeError("again")
print(e2.__traceback__)
r = e2.with_traceback(saved)
print(r is e2, e2.__traceback__ is saved)
print(e2.with_traceback(None).__traceback__)
try:
    e2.with_traceback(5)
except TypeError as err:
    print("TypeError:", err)
try:
    e2.__traceback__ = "x"
except TypeError as err:
    print("TypeError:", err)
print(type(saved).__name__)
raise e2.with_traceback(saved)
