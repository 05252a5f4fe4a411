# sys.path: the script directory comes first; appending a directory makes it searchable
import sys
import os
here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here)
print(all(isinstance(p, str) for p in sys.path))
try:
    import _from_extra_path
except ModuleNotFoundError as e:
    print(e)
sys.path.append(os.path.join(here, "_pathdir"))
import _from_extra_path
print(_from_extra_path.where)
print(_from_extra_path.__file__.endswith("_pathdir/_from_extra_path.py"))
sys.path.remove(os.path.join(here, "_pathdir"))
import _from_extra_path as again
print(again is _from_extra_path)
sys.path.insert(0, "_pathdir")
del sys.modules["_from_extra_path"]
import _from_extra_path
print(_from_extra_path.__file__.endswith("_pathdir/_from_extra_path.py"))
saved = sys.path[:]
sys.path.clear()
try:
    import _counter_for_pkg_test
except ModuleNotFoundError as e:
    print(e)
sys.path[:] = saved
import _counter_for_pkg_test
print(_counter_for_pkg_test.NAME)
