# Helper package for nested_packages.py.
level = "top"
