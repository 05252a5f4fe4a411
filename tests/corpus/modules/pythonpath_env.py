# PYTHONPATH entries come after the script directory on sys.path
import sys
import os
here = os.path.dirname(os.path.abspath(__file__))
envdir = os.path.join(here, "_envdir")
print(os.environ.get("PYTHONPATH"))
print(sys.path[0] == here)
print(sys.path[1] == envdir)
print(sys.path.count(envdir))
import _from_pythonpath
print(_from_pythonpath.source)
print(_from_pythonpath.__file__ == os.path.join(envdir, "_from_pythonpath.py"))
print(sys.path.index(here) < sys.path.index(envdir))
print(sys.path[1:2] == [envdir])
