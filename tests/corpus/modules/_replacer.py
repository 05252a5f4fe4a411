# Helper for sys_modules_effects.py: replaces its own entry in sys.modules.
import sys
class Replacement:
    note = "module replaced itself"
sys.modules[__name__] = Replacement()
