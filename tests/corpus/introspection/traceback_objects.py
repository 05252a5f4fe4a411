# introspection: traceback object chains across frames, tb_lasti in bytes, re-raise keeps tb
def a():
    b()
def b():
    c()
def c():
    return 1 / 0

try:
    a()
except ZeroDivisionError as e:
    tb = e.__traceback__
    chain = []
    while tb:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti % 2))
        tb = tb.tb_next
    print(chain)

def reraise():
    try:
        a()
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
    print(type(e.__traceback__).__name__)
try:
    e.__traceback__.tb_next = None
except Exception as err:
    print(type(err).__name__)
print(e.__traceback__.tb_next)
