# Uncaught exception class raised without arguments (traceback last line has no colon).
class Go(Exception):
    pass
try:
    raise Go
except Go as e:
    print('caught', type(e).__name__, repr(e), e.args, repr(str(e)))
class Stop(Exception):
    pass
print('raising')
raise Stop
