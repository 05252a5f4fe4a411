# Helper for from_import.py: public, private and __all__ names.
__all__ = ["alpha", "gamma"]
alpha = "A"
beta = "B"
gamma = "G"
_delta = "D"
def helper():
    return "helper called"
