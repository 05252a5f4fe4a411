# Helper for from_import.py: no __all__, so * takes the names without a leading underscore.
one = 1
two = 2
_three = 3
import sys as _sys
