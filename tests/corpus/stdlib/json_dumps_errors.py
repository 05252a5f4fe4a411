# json.dumps errors and hooks: default, skipkeys, check_circular, allow_nan,
# unserializable objects and keys, JSONEncoder subclasses, json.dump to a file object.
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def enc(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("cannot encode " + type(o).__name__)


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: json.dumps(Point(1, 2)))
show(lambda: json.dumps(Point(1, 2), default=enc))
show(lambda: json.dumps([Point(1, 2), {1, 3, 2}], default=enc))
show(lambda: json.dumps({"a": object()}, default=enc))
show(lambda: json.dumps({(1, 2): 3}))
show(lambda: json.dumps({(1, 2): 3, "b": 4}, skipkeys=True))
show(lambda: json.dumps({b"x": 1}))
show(lambda: json.dumps(b"bytes"))
show(lambda: json.dumps(1j))
show(lambda: json.dumps(float("nan"), allow_nan=False))
show(lambda: json.dumps([float("inf")], allow_nan=False))
show(lambda: json.dumps({float("-inf"): 1}, allow_nan=False))
show(lambda: json.dumps({2: 1, "a": 2}, sort_keys=True))
l = [1]
l.append(l)
show(lambda: json.dumps(l))
d = {}
d["self"] = d
show(lambda: json.dumps(d))
show(lambda: json.dumps([l], check_circular=True))
shared = [1, 2]
show(lambda: json.dumps([shared, shared]))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


show(lambda: json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
show(lambda: SetEncoder(indent=2).encode({"s": frozenset([2, 1])}))
show(lambda: json.dumps(object(), cls=SetEncoder))
show(lambda: json.JSONEncoder().encode("é"))
show(lambda: json.JSONEncoder(ensure_ascii=False).encode("é"))
show(lambda: "".join(json.JSONEncoder().iterencode([1, {"a": None}])))
e = json.JSONEncoder(indent=2)
print(repr(e.item_separator), repr(e.key_separator))
e = json.JSONEncoder()
print(repr(e.item_separator), repr(e.key_separator))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


sink = Sink()
json.dump({"k": [1, 2.5, "x"]}, sink, indent=1)
print("".join(sink.parts))
show(lambda: json.dumps([1], separators=(1, 2)))
deep = []
for _ in range(100):
    deep = [deep]
print(len(json.dumps(deep)))
