# Helper for importlib_reload.py: counts its executions in a module kept across reloads.
import sys
runs = getattr(sys, "reload_runs", 0) + 1
sys.reload_runs = runs
def version():
    return f"run {runs}"
