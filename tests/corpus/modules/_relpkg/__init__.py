# Helper package for relative_import.py.
from .base import base_value
from . import sub
