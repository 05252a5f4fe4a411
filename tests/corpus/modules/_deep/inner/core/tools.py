# Helper for nested_packages.py.
def tool():
    return f"tool in {__name__}"
