# Helper for circular_import.py.
import _circ.ok_x as x
def get():
    return "y sees " + x.name
name = "y"
