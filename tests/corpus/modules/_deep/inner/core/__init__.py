# Helper for nested_packages.py: relative imports at several levels.
from ... import level as top_level
from .. import level as inner_level
from . import tools
from .tools import tool
from ..sibling import name as sibling_name
level = "core"
