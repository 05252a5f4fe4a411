# Specialized loads and stores of `__slots__` attributes: reads and writes through the
# cached slot, deleted (empty) slots, subclasses adding a __dict__, members replaced by
# other descriptors later, and __class__ assignment between compatible slot classes.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    __slots__ = ("x", "y")


class R(P):
    pass  # has a __dict__ as well


def get_x(o):
    return o.x


def set_y(o, v):
    o.y = v


p = P(1, 2)
for i in range(4):
    set_y(p, i)
    print(get_x(p), p.y)

r = R(5, 6)
r.extra = "e"
for o in [p, r, p, r]:
    set_y(o, "y-" + type(o).__name__)
    print(get_x(o), o.y)
print(r.extra, sorted(r.__dict__))

del p.x
for i in range(2):
    try:
        print(get_x(p))
    except AttributeError as e:
        print(type(e).__name__, e)
p.x = "back"
print(get_x(p))

q = Q()
for i in range(2):
    try:
        print(get_x(q))
    except AttributeError as e:
        print(type(e).__name__, e)
set_y(q, "qy")
print(q.y)
try:
    q.z = 1
except AttributeError as e:
    print(type(e).__name__, e)

# __class__ assignment between layout-compatible slot classes.
p.__class__ = Q
print(type(p).__name__, get_x(p), p.y)
set_y(p, "after class change")
print(p.y)

# Replacing the member descriptor with a property on the class.
saved = P.x
P.x = property(lambda self: "prop x")
p2 = P.__new__(P)
print(get_x(p2))
P.x = saved
try:
    print(get_x(p2))
except AttributeError as e:
    print(type(e).__name__, e)

# A read-only property in place of a slot: stores must now fail.
def y(self):
    return "ro"


Q.y = property(y)
try:
    set_y(q, 1)
except AttributeError as e:
    print(type(e).__name__, e)
print(q.y)
