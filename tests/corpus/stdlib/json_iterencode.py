# json: JSONEncoder.iterencode yields the same chunks as CPython (lists, dicts, nesting,
# indent, separators, sort_keys, skipkeys, default(), NaN handling) and its errors.
import json

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

def default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")

data = [1, "a", {"b": 2, "c": [True, False, None]}, [], {}, 1.5, -0.0, "é\n", (3, 4),
        {1: "int", 2.5: "float", True: "t", None: "n"}, [[[]]], 10 ** 20]
for kwargs in [{}, {"indent": 2}, {"indent": "\t"}, {"separators": (",", ":")},
               {"ensure_ascii": False}]:
    print(kwargs, list(json.JSONEncoder(**kwargs).iterencode(data)))
print(list(json.JSONEncoder(sort_keys=True, indent=1).iterencode(
    {"z": 1, "a": [1, {"b": 2, "a": 1}], "m": {}})))
enc = json.JSONEncoder(default=default)
print(list(enc.iterencode([Point(1, 2), {3, 1}])))
print(list(enc.iterencode({"p": Point(0, [Point(5, 6)])})))
print(list(json.JSONEncoder().iterencode("just a string")), list(json.JSONEncoder().iterencode(7)))
print(list(json.JSONEncoder().iterencode([float("nan"), float("inf"), -float("inf")])))
print(list(json.JSONEncoder(skipkeys=True).iterencode({(1, 2): 3, "k": 4})))
for bad in [lambda: list(json.JSONEncoder(allow_nan=False).iterencode([float("nan")])),
            lambda: list(json.JSONEncoder().iterencode({(1, 2): 3})),
            lambda: list(json.JSONEncoder().iterencode([object()]))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    list(json.JSONEncoder().iterencode(loop))
except ValueError as e:
    print("ValueError", e)
print("".join(json.JSONEncoder(indent=2).iterencode(data)) == json.dumps(data, indent=2))
