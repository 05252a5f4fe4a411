# Helper for package_basic.py: a submodule loaded on demand.
from . import SIDES
def area(s):
    return s * s
sides = SIDES["square"]
