# Packages: __init__.py, submodules, __path__, __package__, attribute binding of submodules
import sys
import _shapes
print(_shapes.circle_area(2))
print(_shapes.__name__, _shapes.__package__)
print(type(_shapes.__path__).__name__, len(_shapes.__path__), _shapes.__path__[0].endswith("_shapes"))
print(_shapes.__file__.endswith("_shapes/__init__.py"))
print(hasattr(_shapes, "circle"), hasattr(_shapes, "square"))
import _shapes.square
print(_shapes.square.area(3), _shapes.square.sides)
print(_shapes.square.__name__, _shapes.square.__package__)
print(sorted(k for k in sys.modules if k.startswith("_shapes")))
import _shapes.circle as c
print(c.PI, c is sys.modules["_shapes.circle"])
from _shapes import square, circle
print(square is _shapes.square, circle.area(1))
from _shapes.circle import PI
print(PI)
print(_shapes.__spec__.name, _shapes.__spec__.parent, _shapes.square.__spec__.parent)
print(_shapes.__spec__.submodule_search_locations == _shapes.__path__)
try:
    import _shapes.hexagon
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    import _shapes.square.deeper
except ModuleNotFoundError as e:
    print(e, e.name)
