# Evaluation order of chained assignment, targets evaluated left to right after the value.
log = []
def val(v):
    log.append(('val', v))
    return v
class Rec(dict):
    def __setitem__(self, k, v):
        log.append(('set', k, v))
        super().__setitem__(k, v)
r = Rec()
r['a'] = r['b'] = val(1)
print(log)
log.clear()
x = [0, 0, 0]
i = 0
i = x[i] = 2
print(i, x)
a = b = []
a.append(1)
print(a, b, a is b)
log.clear()
r[val('k1')], r[val('k2')] = val('v1'), val('v2')
print(log)
print(sorted(r.items()))
