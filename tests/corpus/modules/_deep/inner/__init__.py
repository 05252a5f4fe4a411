# Helper for nested_packages.py.
from .. import level as parent_level
level = "inner"
