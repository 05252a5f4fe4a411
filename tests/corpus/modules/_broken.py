# Helper for import_error_traceback.py: fails while executing.
print("broken starts")
def fail(n):
    return 10 // n
fail(0)
