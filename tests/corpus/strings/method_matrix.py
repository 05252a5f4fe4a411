# Every str method against a matrix of receivers and argument tuples, including bad arguments (messages).
strs = ['', 'abc', 'Hello World', '  a,b,,c  ', 'héllo ΣΑΣ', 'ǆ ß İ', 'tab\tsep\nline\r\n']
args_list = [(), ('l',), ('',), (',', 1), ('o', -3, -1), (None,), ('a', 'b'), (5, '*'), (-1,), (('a', 'H'),)]
methods = ['find', 'rfind', 'index', 'count', 'startswith', 'endswith', 'split', 'rsplit', 'strip', 'rstrip',
           'replace', 'partition', 'rpartition', 'center', 'ljust', 'zfill', 'expandtabs', 'upper', 'lower', 'title',
           'capitalize', 'swapcase', 'casefold', 'isalpha', 'istitle', 'removeprefix', 'splitlines', 'encode', 'join']
for s in strs:
    for m in methods:
        row = []
        for a in args_list:
            try:
                r = repr(getattr(s, m)(*a))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            row.append(r)
        print(repr(s), m, ' | '.join(row))
