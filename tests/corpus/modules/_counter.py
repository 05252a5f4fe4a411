# Helper for import_basic.py: counts how often it is executed.
import sys
sys.counter_runs = getattr(sys, "counter_runs", 0) + 1
value = 42
def double(x):
    return x * 2
_private = "hidden"
