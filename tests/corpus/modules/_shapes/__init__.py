# Helper package for package_basic.py.
print("shapes package init")
from .circle import area as circle_area
SIDES = {"square": 4, "triangle": 3}
