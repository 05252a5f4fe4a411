# Helper for module_not_a_package.py: a plain module, not a package.
NAME = "plain module"
