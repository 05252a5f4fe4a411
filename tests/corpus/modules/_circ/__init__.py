# Helper package for circular_import.py.
