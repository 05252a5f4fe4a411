# Finally blocks run on return, break, continue and exception, innermost first.
log = []
def f():
    try:
        try:
            log.append('inner try')
            return 'value'
        finally:
            log.append('inner finally')
    finally:
        log.append('outer finally')
print(f(), log)
log.clear()
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            log.append('body %d' % i)
        finally:
            log.append('finally %d' % i)
    return log
print(g())
log.clear()
def h():
    try:
        try:
            raise ValueError('v')
        finally:
            log.append('cleanup 1')
    except ValueError:
        log.append('handled')
    finally:
        log.append('cleanup 2')
h()
print(log)
