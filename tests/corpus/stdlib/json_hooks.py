# json.loads hooks: object_hook, object_pairs_hook (wins over object_hook), parse_float,
# parse_int, parse_constant, custom JSONDecoder subclasses, and round trips.
import json

print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[{"b": 1, "a": 2}]', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1}', object_hook=lambda d: "hook", object_pairs_hook=lambda p: "pairs"))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: "F" + s))
print(json.loads('[1.5, 2, -30]', parse_int=lambda s: "I" + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('[1.25]', parse_float=str))


class Dec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}


print(json.loads('{"x": {"y": 1}}', cls=Dec))
print(Dec().decode('[{"q": 2}]'))
values = [None, True, 1, -2.5, "s\u00e9", [1, [2]], {"k": {"v": [None]}}, 10**20, 1e100]
for v in values:
    text = json.dumps(v)
    print(text, json.loads(text) == v)
print(json.loads(json.dumps("😀\ud800", ensure_ascii=True)) == "😀\ud800")
print(ascii(json.dumps("\ud800", ensure_ascii=False)))
dec = json.JSONDecoder(parse_int=float)
print(dec.decode("[1, 2]"), dec.scan_once("7 rest", 0))
try:
    dec.scan_once("", 0)
except StopIteration as e:
    print("StopIteration", e.value)
