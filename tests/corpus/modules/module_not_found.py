# ModuleNotFoundError and ImportError messages and attributes
import sys
try:
    import _definitely_missing_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
    print(isinstance(e, ImportError), e.args)
try:
    import sys.nothing
except ModuleNotFoundError as e:
    print(e, "|", e.name)
try:
    import _missing_parent.child
except ModuleNotFoundError as e:
    print(e, "|", e.name)
try:
    from _definitely_missing_module import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import nothing_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError:", e)
e = ImportError("msg", name="n", path="p")
print(e, e.name, e.path, e.msg)
e2 = ModuleNotFoundError("No module named 'q'", name="q")
print(e2.name, e2.args)
import _definitely_missing_module
