# Helper for circular_import.py: imports b, which imports a name from a too early.
print("a starts")
from _circ.b import from_b
from_a = "value from a"
print("a ends")
