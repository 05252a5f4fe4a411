# weakref.proxy and CallableProxyType: forwarding, ReferenceError after death, errors
import weakref


class P:
    def __init__(self):
        self.x = 1
        self.items = [1, 2, 3]

    def method(self):
        return "method"

    def __len__(self):
        return 7

    def __getitem__(self, i):
        return self.items[i]

    def __add__(self, other):
        return ("add", other)

    def __radd__(self, other):
        return ("radd", other)

    def __lt__(self, other):
        return "lt"

    def __str__(self):
        return "P-str"

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, v):
        return v == 2


p = P()
pr = weakref.proxy(p)
print(type(pr).__name__, type(pr) is weakref.ProxyType)
print(pr.x, pr.method(), len(pr), pr[1], pr + 1, 1 + pr, pr < 3, str(pr))
print(list(pr), 2 in pr, 5 in pr, bool(pr))
pr.y = 5
print(p.y)
del pr.y
print(hasattr(p, "y"))
print(weakref.proxy(p) is pr, weakref.getweakrefcount(p))
try:
    hash(pr)
except TypeError as e:
    print(type(e).__name__, e)


def f(a, b=2):
    return a + b


fp = weakref.proxy(f)
print(type(fp).__name__, type(fp) is weakref.CallableProxyType, fp(1), fp(1, b=5))

log = []
q = P()
qp = weakref.proxy(q, lambda w: log.append("gone"))
del q
print(log)
for action in [lambda: qp.x, lambda: len(qp), lambda: qp + 1, lambda: str(qp), lambda: qp.method()]:
    try:
        action()
    except ReferenceError as e:
        print(type(e).__name__, e)
try:
    weakref.proxy(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ProxyType()
except TypeError as e:
    print(type(e).__name__)
