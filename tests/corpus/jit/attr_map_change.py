# Instance attributes read and written in a hot loop while the instance's map changes:
# an attribute added or deleted mid-loop, and __dict__ materialized mid-loop.


class Box:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def add_attribute(n):
    o = Box(1, 2.5)
    total = 0.0
    for i in range(n):
        o.a += 1
        total += o.b
        if i == n // 2:
            o.c = "new"  # map transition mid-loop
    return o.a, total, o.c


def delete_attribute(n):
    o = Box(0, 1.0)
    o.extra = 7
    for i in range(n):
        o.a += 2
        if i == n - 500:
            del o.extra  # the instance falls back to a dict
        if i > n - 500:
            o.b = o.b * 0.5 + 1.0
    return o.a, o.b, hasattr(o, "extra")


def materialize_dict(n):
    o = Box(0, 0.0)
    for i in range(n):
        o.a += 1
        o.b += 0.25
        if i == n // 3:
            d = o.__dict__  # __dict__ materialized mid-loop
            d["a"] = 1000
    return o.a, o.b, sorted(o.__dict__)


def dict_written_behind_the_loop(n):
    o = Box(0, 0)
    d = o.__dict__
    for i in range(n):
        o.a += 1
        if i % 1000 == 999:
            d["b"] = d["b"] + 1
    return o.a, o.b


def many_objects(n):
    boxes = [Box(i, float(i)) for i in range(10)]
    boxes[3].z = 1  # a different map for one of them
    s = 0
    for k in range(n):
        for o in boxes:
            o.a += 1
            s += o.a
    return s, [o.a for o in boxes]


print(add_attribute(3000))
print(delete_attribute(3000))
print(materialize_dict(3000))
print(dict_written_behind_the_loop(3000))
print(many_objects(400))
