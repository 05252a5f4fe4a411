# Helper for sys_path.py: only importable once its directory is on sys.path.
where = "extra path directory"
