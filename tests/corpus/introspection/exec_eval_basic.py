# introspection: exec and eval with explicit globals/locals dicts, __builtins__ insertion
g = {"a": 2}
exec("b = a * 3\nc = b + 1", g)
print(g["b"], g["c"], "__builtins__" in g)
loc = {}
exec("x = 10\ny = x + a", {"a": 5}, loc)
print(sorted(loc.items()))
print(eval("a + 1", {"a": 41}))
print(eval("x * y", {}, {"x": 6, "y": 7}))
print(eval("  1 + 1  "))
print(eval("len(s)", {"s": "abcd"}))
def f():
    z = 3
    return eval("z + 1")
print(f())
ns = {}
exec("def h(q):\n    return q * 2\n", ns)
print(ns["h"](21), ns["h"].__module__ if "__name__" in ns else ns["h"].__globals__ is ns)
exec("import sys as _s\nresult = _s is not None", ns)
print(ns["result"])
print(eval(compile("3 ** 2", "<calc>", "eval")))
r = exec("1 + 1")
print(r)
code = compile("for i in range(3): total = total + i", "<loop>", "exec")
env = {"total": 0}
exec(code, env)
print(env["total"])
