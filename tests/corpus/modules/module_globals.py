# Module globals: shared state between importers, functions see their own module's globals
import _state
from _state import counter, items, bump
print(bump(), bump())
print(_state.counter, counter)
print(items, items is _state.items)
_state.counter = 100
print(bump())
print(_state.get_globals() is vars(_state), _state.get_globals() is globals())
print(bump.__module__, bump.__globals__ is _state.__dict__)
counter = "main's own"
print(_state.counter, counter)
exec("import _state as s2", globals())
print(s2 is _state)
print(_state.__dict__["__name__"], "__builtins__" in _state.__dict__)
g = {}
exec("import _state; r = _state.bump()", g)
print(g["r"], "_state" in g)
