# bytes and bytearray methods against a matrix of receivers and argument tuples, including bad arguments.
vals = [b'', b'abc', b'Hello World', b'  a,b,,c  ', b'\xff\x00x', bytearray(b'a b')]
args_list = [(), (b'l',), (b'',), (b',', 1), (b'o', -3, -1), (97,), (None,), (b'a', b'b'), (5, b'*'), ('a',), (300,)]
methods = ['find', 'rfind', 'index', 'count', 'startswith', 'endswith', 'split', 'rsplit', 'strip', 'replace',
           'partition', 'rpartition', 'center', 'ljust', 'zfill', 'expandtabs', 'upper', 'title', 'swapcase',
           'isalpha', 'istitle', 'removeprefix', 'splitlines', 'decode', 'join', 'hex', 'translate']
for s in vals:
    for m in methods:
        row = []
        for a in args_list:
            try:
                r = repr(getattr(s, m)(*a))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            row.append(r)
        print(repr(s), m, ' | '.join(row))
