# and/or/not return operands, short-circuit evaluation and truthiness of many types.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'x', '' or [] or 0)
print(not 0, not 1, not '', not 'a', not [], not [0], not None)
print([] and 1, [0] and 1, {} or {1: 2}, 0.0 or -0.0, 0j or 'complex-zero')
log = []
def t(x):
    log.append(x)
    return x
print(t(0) and t(1), log)
log.clear()
print(t(1) and t(0) and t(2), log)
log.clear()
print(t('') or t(0) or t('end'), log)
log.clear()
print(t(3) or t(4), log)
for v in [0, 1, -1, 0.0, 0.5, '', ' ', [], [[]], (), (0,), {}, set(), range(0), range(1), None, True, False]:
    print(repr(v), bool(v), not v)
x = 5
print(x > 3 and x < 10, x > 3 and 'big' or 'small', x < 3 and 'big' or 'small')
print(not x == 5, (not x) == 5, not (x and 0))
