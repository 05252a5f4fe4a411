# "No module named 'a.b'; 'a' is not a package" for a module used as a package
import _counter_for_pkg_test as mod
print(mod.NAME)
try:
    import _counter_for_pkg_test.child
except ModuleNotFoundError as e:
    print(e)
    print(e.name)
try:
    from _counter_for_pkg_test.child import x
except ModuleNotFoundError as e:
    print(e)
try:
    from _counter_for_pkg_test import child
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import sys
print("_counter_for_pkg_test.child" in sys.modules)
import os.path
print(os.path.__name__ in ("posixpath", "ntpath"))
import _counter_for_pkg_test.deep.deeper
