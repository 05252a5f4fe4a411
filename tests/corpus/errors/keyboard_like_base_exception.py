# Uncaught BaseException subclass (not Exception) is still reported with a traceback.
class Abort(BaseException):
    pass
try:
    raise Abort('caught only by BaseException')
except Exception:
    print('not caught here')
except BaseException as e:
    print('caught', type(e).__name__, e)
raise Abort('final abort')
