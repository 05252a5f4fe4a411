# importlib.reload re-executes a module in its existing namespace
import importlib
import sys
import _reloadable
print(_reloadable.version())
first = _reloadable
_reloadable.extra = "kept"
again = importlib.reload(_reloadable)
print(again is first, _reloadable.version(), _reloadable.runs)
print(_reloadable.extra)
version_fn = _reloadable.version
importlib.reload(_reloadable)
print(version_fn is _reloadable.version, version_fn(), _reloadable.version())
print(sys.reload_runs)
fake = type(sys)("_not_registered")
try:
    importlib.reload(fake)
except ImportError as e:
    print("ImportError:", e)
importlib.invalidate_caches()
print("done")
