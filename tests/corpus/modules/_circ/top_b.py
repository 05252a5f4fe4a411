# Helper for circular_import.py.
import _circ.top_a
print("top_b sees", _circ.top_a.value)
