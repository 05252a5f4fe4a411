"""Pyrite's importlib: the parts of CPython's importlib that programs call directly.

The import system itself runs in Rust (vm/src/modules/import.rs); it builds module specs
and loaders with the classes of importlib._bootstrap.
"""

import sys
from importlib._bootstrap import ModuleSpec, _resolve_name

__all__ = ["import_module", "invalidate_caches", "reload"]


def import_module(name, package=None):
    """Import a module; a relative name ('.mod') needs the package it is relative to."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(
                "the 'package' argument is required to perform a relative "
                f"import for {name!r}"
            )
        for character in name:
            if character != ".":
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Pyrite keeps no finder caches, so there is nothing to invalidate."""


def reload(module):
    """Re-execute a module's source in its existing namespace."""
    name = getattr(module, "__name__", None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    path = getattr(module, "__file__", None)
    if path is None:
        raise ImportError(f"module {name} has no source file to reload", name=name)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    exec(compile(source, path, "exec"), module.__dict__)
    return sys.modules[name]
