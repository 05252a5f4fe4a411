# json.dumps: scalars, containers, separators, indent (int and str), sort_keys,
# ensure_ascii (surrogate pairs for astral chars), float reprs, int/float subclasses.
import json

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(12345678901234567890123))
print(json.dumps(1.0), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e16), json.dumps(1e-5))
print(json.dumps(161852602146008.12), json.dumps(2.5e-300), json.dumps(float("inf")))
print(json.dumps(float("-inf")), json.dumps(float("nan")))
print(json.dumps("plain"), json.dumps(""), json.dumps('quote " back \\ slash /'))
print(json.dumps("ctl \n\r\t\b\f \x00 \x1f \x7f"))
print(json.dumps("é ζ 中 😀"))
print(json.dumps("é ζ 中 😀", ensure_ascii=False))
print(json.dumps([1, [2, [3, []]], {}, ()]))
print(json.dumps({"a": 1, "b": [True, None], "c": {"d": "e"}}))
print(json.dumps((1, 2)))
print(json.dumps({"z": 1, "a": 2, "m": 3}, sort_keys=True))
print(json.dumps([1, {"a": 2}], separators=(",", ":")))
print(json.dumps([1, {"a": 2}], separators=(" ;", " = ")))
data = {"name": "x", "list": [1, 2, {"k": []}], "empty": {}, "n": None}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t"))
print(json.dumps(data, indent=0))
print(json.dumps([[]], indent=3))
print(json.dumps(data, indent=1, separators=(",", ": "), sort_keys=True))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps({"é": "ü"}, ensure_ascii=False), json.dumps({"é": "ü"}))


class MyInt(int):
    def __repr__(self):
        return "MyInt!"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1]), MyDict(a=1)]))
print(json.dumps({MyInt(3): 1, MyFloat(1.5): 2}))
print(json.dumps(True, indent=4), json.dumps("s", indent=4))
print(json.dumps([1, 2], indent=None))
print(json.dumps({"a": [1, 2]}, indent=-1))
