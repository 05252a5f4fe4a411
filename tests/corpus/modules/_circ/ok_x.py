# Helper for circular_import.py: a circular import that works (attributes used late).
import _circ.ok_y as y
def get():
    return "x sees " + y.name
name = "x"
