# introspection: ExceptionGroup construction, message/exceptions, subgroup, split, derive
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(eg.message, eg.exceptions, type(eg).__name__)
print(repr(eg), str(eg))
vg = eg.subgroup(ValueError)
print(repr(vg))
print(eg.subgroup(KeyError))
match, rest = eg.split(TypeError)
print(repr(match), repr(rest))
m2, r2 = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)
print(repr(m2), repr(r2))
d = eg.derive([KeyError("k")])
print(repr(d), d.__traceback__, d.__cause__)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
print(repr(nested.subgroup(TypeError)))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__)
auto = BaseExceptionGroup("auto", [ValueError()])
print(type(auto).__name__)
for bad in [("msg", []), ("msg", ValueError()), (5, [ValueError()]), ("m", [1])]:
    try:
        ExceptionGroup(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
