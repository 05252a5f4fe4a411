# Polymorphic attribute caches: one LOAD_ATTR/STORE_ATTR site sees several classes and
# shapes; every kind of invalidation (class mutation, descriptors added later, __class__
# assignment, deleted attributes, more shapes than the cache holds) must be noticed.
import types


class A:
    def __init__(self, v):
        self.x = v

    def m(self):
        return "A.m"


class B:
    def __init__(self, v):
        self.x = v * 10

    def m(self):
        return "B.m"


class C(A):
    def m(self):
        return "C.m"


class D:
    def __init__(self, v):
        self.pad = 0
        self.x = -v

    def m(self):
        return "D.m"


def read(o):
    return o.x


def call(o):
    return o.m()


objs = [A(1), B(2), C(3), D(4)]
out = []
for i in range(8):
    row = []
    for o in objs:
        row.append((read(o), call(o)))
    out.append(row)
    if i == 1:
        B.m = lambda self: "B.patched"
    if i == 2:
        A.x = property(lambda self: "A.prop")
    if i == 3:
        objs[1].__class__ = D
    if i == 4:
        del objs[3].x
        objs[3].x = "D.readded"
    if i == 5:
        objs[2].m = lambda: "instance m"
    if i == 6:
        del A.x
        C.m = A.m
for row in out:
    print(row)


# Shapes: the same class with attributes added in different orders.
class P:
    pass


def shape(order, val):
    p = P()
    for name in order:
        setattr(p, name, val)
    return p


ps = [shape("ab", 1), shape("ba", 2), shape("abc", 3), shape("cab", 4), shape("b", 5)]
print([getattr(p, "a", None) for p in ps])


def get_b(p):
    return p.b


print([get_b(p) for p in ps] * 2)


# More classes than cache entries (megamorphic), read and written at one site.
def make(n):
    return type("K%d" % n, (), {"k": n, "m": lambda self, n=n: "K%d.m" % n})


classes = [make(n) for n in range(7)]
insts = [cls() for cls in classes]


def store(o, v):
    o.val = v


for rnd in range(3):
    for j, o in enumerate(insts):
        store(o, rnd * 100 + j)
    print([o.val for o in insts], [o.m() for o in insts], [c.k for c in classes])
    if rnd == 1:
        classes[3].k = "changed"
        classes[5].m = lambda self: "K5.patched"
        classes[6].val = property(lambda self: "ro", lambda self, v: None)


# Stores that become impossible or different later: __setattr__, a slot class, a
# data descriptor with a setter, and a frozen-ish class raising from __setattr__.
class S:
    __slots__ = ("val",)


class Plain:
    pass


class Logged:
    pass


targets = [S(), Plain(), Logged()]
log = []
for i in range(6):
    for t in targets:
        try:
            store(t, i)
        except AttributeError as e:
            log.append((type(t).__name__, str(e)))
    if i == 2:
        Logged.__setattr__ = lambda self, k, v: log.append(("set", k, v))
    if i == 3:
        def val(self):
            return "p"

        Plain.val = property(val, None)
print([getattr(t, "val", "unset") for t in targets])
print(log)


# Class attributes and module attributes at one polymorphic site.
mod = types.ModuleType("mod")
mod.val = "module val"


class Holder:
    val = "class val"


class Holder2(Holder):
    pass


def load_val(o):
    return o.val


sources = [mod, Holder, Holder2, Plain, targets[0]]
for i in range(3):
    res = []
    for s in sources:
        try:
            v = load_val(s)
            res.append("a property" if isinstance(v, property) else v)
        except AttributeError as e:
            res.append(("AttributeError", str(e)))
    print(res)
    if i == 0:
        Holder.val = "class val 2"
        mod.val = "module val 2"
    if i == 1:
        del mod.val
        Holder2.val = "own val"


# Bound-method form on several classes where one class stores a callable in the instance.
class WithInst:
    def __init__(self):
        self.m = lambda: "from instance dict"


mixed = [A(0), WithInst(), C(0), B(0)]
print([call(o) for o in mixed] * 2)
