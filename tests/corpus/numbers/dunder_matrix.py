# Number dunders called directly (NotImplemented rules), unary methods, attributes, round/pow/divmod builtins.
def R(x):
    try:
        return repr(x)
    except Exception as e:
        return 'REPR ' + type(e).__name__
vals = [0, -7, 255, 2**63, True, -0.0, 2.5, -2.675, 1e16, float('inf'), 1+2j]
others = [0, 2, -2, 0.5, 2**64, True, 1j, 'x']
for v in vals:
    for name in ['__add__', '__rsub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__divmod__', '__pow__',
                 '__lshift__', '__and__', '__eq__', '__lt__']:
        row = []
        for o in others:
            if o == 2**64 and name in ('__pow__', '__lshift__') and isinstance(v, int):
                row.append('skip')
                continue
            try:
                r = R(getattr(v, name)(o))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            row.append(r)
        print(R(v), name, ' | '.join(row))
    row = []
    for name in ['__neg__', '__abs__', '__bool__', '__int__', '__float__', '__trunc__', '__floor__', '__round__',
                 'conjugate', 'bit_length', 'as_integer_ratio', 'is_integer', 'hex', 'real', 'imag', 'numerator']:
        try:
            a = getattr(v, name)
            r = R(a() if callable(a) else a)
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        row.append(name + '=' + r)
    print(R(v), ' '.join(row))
    row = []
    for nd in [None, 0, 1, -1, 400, -400]:
        try:
            r = R(round(v, nd))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        row.append(r)
    print('round', R(v), ' | '.join(row))
    row = []
    for o in [2, -3, 0, 1.5]:
        for m in [None, 5, -4, 0]:
            try:
                r = R(pow(v, o, m) if m is not None else pow(v, o))
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            row.append(r)
        try:
            r = R(divmod(v, o))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        row.append('divmod=' + r)
    print('pow', R(v), ' | '.join(row))
