# introspection: a frame object outlives its frame and keeps the last locals and line
import sys
def work(n):
    total = 0
    for i in range(n):
        total += i
    frame = sys._getframe()
    total += 100
    return frame

fr = work(4)
print(fr.f_code.co_name, fr.f_lineno, fr.f_locals["total"], fr.f_locals["i"])
print(fr.f_back is sys._getframe())
fr.f_locals["total"] = -1
print(fr.f_locals["total"])
def raiser():
    local_value = "kept"
    raise RuntimeError("x")
try:
    raiser()
except RuntimeError as e:
    tb = e.__traceback__.tb_next
print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals, tb.tb_lineno, tb.tb_frame.f_lineno)
print(tb.tb_frame.f_back.f_code.co_name)
fr.f_code = None
