# Helper for nested_packages.py.
name = "sibling of core"
