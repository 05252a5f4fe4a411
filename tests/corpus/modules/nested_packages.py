# Relative imports at several levels inside nested packages
import _deep.inner.core as core
print(core.level, core.top_level, core.inner_level)
print(core.tool(), core.tools.tool is core.tool)
print(core.sibling_name)
import _deep
print(_deep.inner.parent_level, _deep.inner.core is core)
print(_deep.inner.core.__package__, _deep.inner.core.tools.__package__)
import sys
print([m for m in sorted(sys.modules) if m.startswith("_deep")])
from _deep.inner import core as c2, sibling
print(c2 is core, sibling.name)
try:
    import _deep.beyond
except ImportError as e:
    print(type(e).__name__, e)
print("_deep.beyond" in sys.modules)
import importlib
tools = importlib.import_module(".tools", "_deep.inner.core")
print(tools.tool())
print(importlib.import_module("_deep.inner").level)
