# Helper for package_basic.py: a submodule using the package through a relative import.
print("circle module init", __name__, __package__)
PI = 3.0
def area(r):
    return PI * r * r
