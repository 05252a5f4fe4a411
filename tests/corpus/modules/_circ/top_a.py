# Helper for circular_import.py: plain `import` of each other, attribute read too early.
import _circ.top_b
value = "A"
