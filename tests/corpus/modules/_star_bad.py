# Helper for import_star_errors.py: __all__ names an attribute that does not exist.
__all__ = ["present", "absent"]
present = 1
