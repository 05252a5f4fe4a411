# Module-level __getattr__ and __dir__ (PEP 562)
import _lazy
print(_lazy.real)
print(_lazy.virtual_name)
print(_lazy.other)
from _lazy import computed
print(computed)
print(dir(_lazy))
try:
    _lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _lazy import missing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(getattr(_lazy, "missing", "fallback"))
print(hasattr(_lazy, "virtual_x"), hasattr(_lazy, "missing"))
import _counter_for_pkg_test as plain
try:
    plain.nope
except AttributeError as e:
    print("AttributeError:", e)
print([c for c in _lazy.calls if not c.startswith("__")])
del _lazy.__getattr__
try:
    _lazy.virtual_again
except AttributeError as e:
    print("AttributeError:", e)
