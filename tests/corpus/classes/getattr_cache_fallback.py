# Specialized attribute loads fall back correctly when attributes disappear or appear
class Obj:
    def __init__(self): self.a = 1
    def __getattr__(self, name): return "dynamic-" + name
objs = [Obj() for _ in range(3)]
out = []
for i in range(60):
    o = objs[i % 3]
    out.append(o.a)
    if i == 20:
        del objs[1].a
    if i == 40:
        objs[2].__dict__["a"] = "via dict"
print(out[18:26], out[-3:])
class M:
    def meth(self): return "class meth"
m = M()
res = []
for i in range(30):
    res.append(m.meth())
    if i == 10:
        m.meth = lambda: "instance meth"
    if i == 20:
        del m.meth
print(res[9:13], res[19:23])
class K:
    val = 1
seen = []
for i in range(30):
    seen.append(K.val)
    if i == 12:
        K.val = 2
    if i == 24:
        del K.val
        K.val = property(lambda s: 3)
print(seen[11:15], type(seen[-1]).__name__)
mod_like = type(print)
vals = [len(str(i)) for i in range(100)]
print(sum(vals))
