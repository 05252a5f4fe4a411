# introspection: sys._getframe with depths, f_back chains, f_code/f_globals/f_builtins
import sys
def leaf():
    f0 = sys._getframe()
    f1 = sys._getframe(1)
    f2 = sys._getframe(2)
    print(f0.f_code.co_name, f1.f_code.co_name, f2.f_code.co_name)
    print(f0.f_back is f1, f1.f_back is f2)
    print(f0.f_globals is globals(), f0.f_builtins is __builtins__.__dict__)
    print(f0.f_lineno, f1.f_lineno, type(f0.f_lasti).__name__)
    names = []
    f = f0
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    print(names)
    return f0

def middle():
    return leaf()

frame = middle()
print(frame.f_code.co_name, frame.f_lineno)
print(sys._getframe(-1).f_code.co_name)
print(type(frame).__name__)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError:", e)
sys._getframe(1)
