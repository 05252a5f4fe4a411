# Helper for relative_import.py: a subpackage reaching its parent.
from ..base import who, base_value
from .leaf import leaf_value
combined = base_value + "+" + leaf_value
