# return/break/continue in finally override pending exceptions and returns.
def f():
    try:
        return 'try'
    finally:
        return 'finally'
print(f())
def g():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(g())
def h():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return 'loop done %d' % i
print(h())
def order():
    log = []
    def inner():
        try:
            log.append('try')
            return log
        finally:
            log.append('finally')
    return inner()
print(order())
def value_eval():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_eval())
