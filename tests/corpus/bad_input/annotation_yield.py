# yield inside an annotation is a SyntaxError (also under PEP 563).
from __future__ import annotations

def f(x: (yield)): pass
