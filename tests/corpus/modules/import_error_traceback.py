# An exception raised while a module executes: traceback through the import, module not cached
import sys
try:
    import _broken
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print("_broken" in sys.modules)
try:
    import _broken
except ZeroDivisionError:
    print("executed again")
def loader():
    import _broken
print("now uncaught")
loader()
