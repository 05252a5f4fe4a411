# Helper for nested_packages.py: goes above the top-level package.
from ... import anything
