# Circular imports: the ones that work and the partially initialized module errors
import sys
import _circ.ok_x as x
import _circ.ok_y as y
print(x.get(), y.get())
try:
    import _circ.top_a
except AttributeError as e:
    print("AttributeError:", e)
print("_circ.top_a" in sys.modules, "_circ.top_b" in sys.modules)
try:
    import _circ.a
except ImportError as e:
    print("ImportError:", str(e).replace(sys.path[0], "DIR"))
    print(e.name)
print("_circ.a" in sys.modules, "_circ.b" in sys.modules)
import _circ.top_a
