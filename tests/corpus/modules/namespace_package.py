# Namespace packages: directories without __init__.py are importable
import sys
import _nsparent
print(_nsparent.__file__, type(_nsparent.__path__).__name__)
print(list(_nsparent.__path__)[0].endswith("_nsparent"))
import _nsparent._nsonly.part as part
print(part.value)
print(part.__name__, part.__package__)
print(sorted(m for m in sys.modules if m.startswith("_nsparent")))
print(hasattr(_nsparent, "__file__"), _nsparent.__spec__.origin)
print(_nsparent._nsonly.part is part)
