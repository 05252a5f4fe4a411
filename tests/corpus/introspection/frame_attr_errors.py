# introspection: read-only frame attributes, f_trace flags type checks
import sys
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
f.f_trace_lines = False
f.f_trace_opcodes = True
print(f.f_trace_lines, f.f_trace_opcodes)
f.f_trace_opcodes = False
for name in ["f_globals", "f_back", "f_lasti", "f_builtins", "f_locals"]:
    try:
        setattr(f, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)
def tr(*a):
    pass
f.f_trace = tr
print(f.f_trace is tr)
f.f_trace = None
print(f.f_trace)
try:
    f.no_such = 1
except AttributeError as e:
    print("AttributeError:", e)
print(f.f_nope)
