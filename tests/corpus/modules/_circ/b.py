# Helper for circular_import.py.
print("b starts")
from _circ.a import from_a
from_b = "value from b"
