# Relative import in a script run directly: no known parent package
print(__name__, repr(__package__))
print(__spec__)
try:
    from . import something
except ImportError as e:
    print("ImportError:", e)
try:
    from .sibling import name
except ImportError as e:
    print("ImportError:", e)
try:
    from .. import up
except ImportError as e:
    print("ImportError:", e)
import sys
print(type(sys.modules[__name__]).__name__)
print(sys.modules["__main__"] is sys.modules[__name__])
from .helper import thing
