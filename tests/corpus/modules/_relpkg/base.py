# Helper for relative_import.py.
base_value = "base"
def who():
    return __name__
