# Uncaught exception raised with "from None": context is suppressed in the traceback.
table = {'x': 10, 'y': 20}
for k in table:
    print(k, table[k])
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError('no such key: %r' % (k,)) from None
print(lookup({'a': 1}, 'a'))
lookup({'a': 1}, 'b')
