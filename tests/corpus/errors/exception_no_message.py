# Uncaught exception class raised without arguments (traceback last line has no colon).
class Stop(Exception):
    pass
print('raising')
raise Stop
