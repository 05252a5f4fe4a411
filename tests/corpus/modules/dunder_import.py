# __import__: top package without fromlist, the submodule with fromlist, level argument
import sys
top = __import__("_shapes.circle")
print(top.__name__)
sub = __import__("_shapes.circle", fromlist=["area"])
print(sub.__name__)
sub2 = __import__("_shapes.circle", globals(), None, ["PI"], 0)
print(sub2 is sub)
print(__import__("sys") is sys)
rel = __import__("circle", {"__package__": "_shapes", "__name__": "_shapes.x"}, None, ["area"], 1)
print(rel.__name__)
pkg = __import__("", {"__package__": "_shapes", "__name__": "_shapes.x"}, None, ["square"], 1)
print(pkg.__name__, pkg.square.area(2))
try:
    __import__("x", {}, None, [], 1)
except ImportError as e:
    print("ImportError:", e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print("ValueError:", e)
print(callable(__import__), __import__.__name__)
