# Helper for namespace_package.py: lives in a directory without __init__.py.
value = "namespace part"
