# Helper for run_m_package.py: executed by `-m _mainpkg`.
import sys
from . import shared
from run_m_package import describe
print("package main", __name__, __package__, __spec__.name)
print(shared)
print(describe(sys.modules))
print(sys.argv[1:])
