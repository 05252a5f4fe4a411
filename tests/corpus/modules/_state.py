# Helper for module_globals.py: module-level state and global statements.
counter = 0
items = []
def bump():
    global counter
    counter += 1
    items.append(counter)
    return counter
def get_globals():
    return globals()
