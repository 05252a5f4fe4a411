# import: binding, caching in sys.modules, module attributes and repr
import sys
import _counter
print(_counter.value, _counter.double(21))
print(sys.counter_runs)
import _counter
import _counter as again
print(sys.counter_runs, again is _counter)
print(sys.modules["_counter"] is _counter)
print(_counter.__name__, _counter.__package__ == "", _counter.__spec__.name)
print(_counter.__file__.endswith("modules/_counter.py"))
print(repr(_counter).startswith("<module '_counter' from '"))
print(type(_counter).__name__, type(sys))
print(repr(sys))
print(sorted(k for k in vars(_counter) if not k.startswith("__")))
def local_import():
    import _counter as c
    return c.value
print(local_import())
_counter.value = 7
import _counter
print(_counter.value)
del sys.modules["_counter"]
import _counter
print(_counter.value, sys.counter_runs)
print(_counter._private)
print("_counter" in dir())
del _counter
print("_counter" in dir())
