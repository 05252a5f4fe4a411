# from ... import: names, aliases, * with and without __all__, missing names
from _names import alpha, beta as b, helper
print(alpha, b, helper())
from _names import *
print(gamma)
try:
    print(beta)
except NameError as e:
    print("NameError:", e)
from _noall import *
print(one, two)
try:
    _three
except NameError as e:
    print("NameError:", e)
try:
    from _names import epsilon
except ImportError as e:
    print("ImportError:", str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
    print(e.name, e.path.endswith("_names.py"))
import _names
print(_names.beta, _names._delta)
from _names import (
    alpha as a1,
    gamma as g1,
)
print(a1 + g1)
def scoped():
    from _names import helper as h
    return h()
print(scoped())
import sys
print("_names" in sys.modules, "_noall" in sys.modules)
from sys import nonexistent_name
