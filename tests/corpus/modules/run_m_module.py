# -m module: runs a module found on sys.path as __main__ (this file runs itself with -m)
import sys
import os
print(__name__)
print(__spec__.name, __spec__.parent == "")
print(__file__ == os.path.abspath("run_m_module.py"))
print(sys.argv[0] == __file__)
print(sys.argv[1:])
print(sys.path[0] == os.getcwd())
print("run_m_module" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__name__)
if __name__ == "__main__":
    print("main block runs")
import _counter_for_pkg_test
print(_counter_for_pkg_test.NAME)
