# repr/float round-trip for many generated floats (computed deterministically).
vals = []
x = 0.1
for i in range(60):
    x = x * 1.7 + 0.013
    vals.append(x)
    vals.append(1 / x)
    vals.append(-x / 7)
ok = 0
for v in vals:
    if float(repr(v)) == v:
        ok += 1
print(ok, len(vals))
for v in vals[::9]:
    print(repr(v))
seeds = [1, 3, 7, 11, 13, 17, 19, 23]
for s in seeds:
    v = s / 10.0 ** (s % 7) + s * 1e-17
    print(repr(v), repr(v * 3), repr(v / 3), str(v + 1e10))
print([i / 10 for i in range(11)])
print([i * 0.1 for i in range(11)])
