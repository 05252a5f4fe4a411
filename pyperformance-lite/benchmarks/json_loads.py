# json_loads: json.loads of documents with objects, arrays, strings with escapes (\n, \", \u00e9,
# surrogate pairs), ints, floats with exponents, true/false/null, deep nesting; plus an
# object_hook. Prints a structural checksum of the parsed values. Imports: json.

from _scale import scaled

import json


def make_documents():
    docs = []
    items = []
    for i in range(80):
        items.append(
            '{"id": %d, "name": "item \\"%d\\"\\n\\u00e9\\ud83d\\ude00", "price": %d.%02d, '
            '"ratio": %de-3, "ok": %s, "none": null, "tags": ["a%d", "b\\t%d"], '
            '"nested": {"k": [%d, [%d, {"deep": -%d.5E+2}]]}}'
            % (i, i, i * 3, i % 100, i + 1, "true" if i % 2 else "false", i, i, i, i * 2, i)
        )
    docs.append("[" + ", ".join(items) + "]")
    docs.append('{"numbers": [' + ", ".join(str(i * 7919 % 10007) for i in range(300)) + "]}")
    docs.append("[" * 40 + '"bottom"' + "]" * 40)
    docs.append('{"text": "' + "\\\\ back \\/ slash \\b\\f\\r " * 30 + '"}')
    return docs


def checksum(obj):
    if isinstance(obj, dict):
        h = 3
        for k, v in obj.items():
            h = (h * 31 + checksum(k) * 7 + checksum(v)) % 1000000007
        return h
    if isinstance(obj, list):
        h = 5
        for v in obj:
            h = (h * 37 + checksum(v)) % 1000000007
        return h
    if isinstance(obj, str):
        h = 0
        for ch in obj:
            h = (h * 131 + ord(ch)) % 1000000007
        return h
    if obj is None:
        return 11
    if obj is True:
        return 13
    if obj is False:
        return 17
    if isinstance(obj, float):
        return int(obj * 1000) % 1000000007
    return obj % 1000000007


class Tagged(dict):
    pass


def main(rounds):
    docs = make_documents()
    parsed = []
    for _ in range(rounds):
        parsed = [json.loads(d) for d in docs]
        hooked = json.loads(docs[0], object_hook=Tagged)
    for value in parsed:
        print(checksum(value))
    print(type(hooked[0]).__name__, hooked[3]["name"] == parsed[0][3]["name"], len(hooked))
    print(ascii(parsed[0][5]["name"]), parsed[0][5]["nested"])


main(scaled(1600))
