# Helper for relative_import.py.
from .. import base
leaf_value = "leaf"
parent_name = base.__name__
