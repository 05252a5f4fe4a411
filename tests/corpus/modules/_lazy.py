# Helper for module_getattr.py: module __getattr__ and __dir__.
real = "real attribute"
calls = []
def __getattr__(name):
    calls.append(name)
    if name.startswith("virtual") or name in ("other", "computed"):
        return f"made up {name}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["real", "virtual_a", "b"]
