# json_dumps: json.dumps of records mixing str (with escapes and non-ASCII), int, float, bool,
# None, nested lists and dicts -- compact, indented, sort_keys, custom separators, ensure_ascii
# off, and a `default` hook. Prints lengths and a rolling checksum of the produced text.
# Imports: json.

from _scale import scaled

import json


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def encode_point(obj):
    if isinstance(obj, Point):
        return {"x": obj.x, "y": obj.y}
    raise TypeError("not serialisable")


def make_records(n):
    names = ["alpha", "Beta \"quoted\"", "gamma\nnewline", "delta\ttab", "épsilon", "ζeta", "eta/slash", "θ\\back"]
    records = []
    for i in range(n):
        records.append({
            "id": i,
            "name": names[i % len(names)],
            "score": i * 0.37 - 12.5,
            "big": 12345678901234567890 * (i + 1),
            "active": i % 3 == 0,
            "missing": None,
            "tags": ["t%d" % (i % 5), "u%d" % (i % 7)],
            "pos": [i % 10, -i % 13, (i * 7) % 11],
            "meta": {"depth": {"level": i % 4, "ratio": 1.0 / (i + 1)}},
        })
    return records


def digest(text):
    h = 0
    for ch in text[::7]:
        h = (h * 131 + ord(ch)) % 1000000007
    return h


def main(rounds):
    records = make_records(60)
    points = [Point(i, i * 0.5) for i in range(40)]
    results = []
    for _ in range(rounds):
        results = [
            json.dumps(records),
            json.dumps(records, indent=2),
            json.dumps(records, sort_keys=True, separators=(",", ":")),
            json.dumps(records, ensure_ascii=False),
            json.dumps(points, default=encode_point),
        ]
    for text in results:
        print(len(text), digest(text))
    print(results[0][:120])


main(scaled(600))
