# Relative imports in packages and subpackages (from . / from .. / from .mod)
import _relpkg
print(_relpkg.base_value)
print(_relpkg.sub.combined)
print(_relpkg.sub.who())
print(_relpkg.sub.leaf.parent_name)
print(_relpkg.sub.__package__, _relpkg.sub.leaf.__package__)
from _relpkg.sub import leaf
print(leaf.leaf_value, leaf.__name__)
import sys
print(sorted(m for m in sys.modules if m.startswith("_relpkg")))
print(_relpkg.base is sys.modules["_relpkg.base"])
print(_relpkg.sub.leaf.base is _relpkg.base)
