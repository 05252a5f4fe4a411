# json.loads errors: JSONDecodeError messages, positions, lineno/colno, doc, and
# TypeError for wrong input types; also errors raised by hooks.
import json

cases = [
    '', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,}',
    '{a:1}', '{"a" 1}', '[1 2]', '-', '-x', '01', '1.', '1e', '1e+', '.5', '+1',
    '"abc', '"a\\', '"\\q"', '"\\u12"', '"\\u12x4"', '"\\ud800\\u12"', '"a\x01b"',
    'nul', 'tru', 'NaNa', '[1] x', '1 2', 'Infinityy', '\ufeff[]', '[\n1,\n2,\n]',
    '{"a": [1, 2}', '{"a": }', '[,]', '{,}', '["\\uZZZZ"]', 'true false',
    '\n\n  @', '"\\', '[1, 2, 3,\n  4, 5 6]',
]
for doc in cases:
    try:
        print(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(type(e).__name__, "|", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.doc == doc)

for bad in [None, 1, 1.5, [1], object]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)

try:
    json.loads('{"a": 1}', object_hook=lambda d: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    json.loads('[1.5]', parse_float=int)
except ValueError as e:
    print("ValueError", e)
try:
    json.loads('"a\\u00"')
except ValueError as e:
    print(isinstance(e, ValueError), e.args)
e = json.JSONDecodeError("Boom", "ab\ncd\nef", 5)
print(e, e.lineno, e.colno, e.__reduce__()[1])
