# importlib.import_module: absolute, relative with package, errors; module reuse
import importlib
import sys
m = importlib.import_module("_counter_for_pkg_test")
print(m.NAME, m is sys.modules["_counter_for_pkg_test"])
sq = importlib.import_module("_shapes.square")
print(sq.area(4))
circ = importlib.import_module(".circle", package="_shapes")
print(circ.area(2), circ.__name__)
print(importlib.import_module("_shapes") is sys.modules["_shapes"])
try:
    importlib.import_module(".circle")
except TypeError as e:
    print("TypeError:", e)
try:
    importlib.import_module("_no_such_mod")
except ModuleNotFoundError as e:
    print(e)
try:
    importlib.import_module("..x", "_shapes")
except ImportError as e:
    print("ImportError:", e)
os_mod = importlib.import_module("os")
print(os_mod.__name__)
print(importlib.__name__, type(importlib).__name__)
print(importlib.import_module("sys") is sys)
