# Helper for pythonpath_env.py: found through PYTHONPATH.
source = "found through PYTHONPATH"
