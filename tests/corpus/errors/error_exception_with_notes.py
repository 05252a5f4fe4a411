# Uncaught exception carrying notes added with add_note (printed after the message).
def check(v):
    if v < 0:
        e = ValueError('negative value: %d' % v)
        e.add_note('values must be >= 0')
        e.add_note('got it from check()')
        raise e
    return v
print(check(1))
check(-2)
