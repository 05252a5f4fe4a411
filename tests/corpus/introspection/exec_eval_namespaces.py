# introspection: exec/eval with mapping subclasses for locals, restricted __builtins__, frames inside eval
import sys
class Recorder(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
loc = Recorder()
exec("a = 1\nb = a + 1", {}, loc)
print(sorted(loc.items()))
print(eval("x + 1", {"x": 1, "__builtins__": {}}))
try:
    eval("len('a')", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)
def frames_in_exec():
    return eval("sys._getframe().f_code.co_name + ' <- ' + sys._getframe().f_back.f_code.co_name")
print(frames_in_exec())
g = {"sys": sys}
exec("def inner():\n    return sys._getframe().f_globals is G\n", g)
g["G"] = g
print(g["inner"]())
code = compile("x = 5\ny = x * 2", "<exec>", "exec")
print(code.co_names, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
print(ns["y"])
def closure_user():
    v = 10
    return eval("v * 2")
print(closure_user())
def nested_exec():
    exec("w = 3")
    return locals().get("w")
print(nested_exec())
print(eval("[n * n for n in range(4)]"))
print(eval("lambda q: q + 1")(1))
