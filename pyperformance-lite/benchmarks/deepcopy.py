# deepcopy: copy.deepcopy of nested containers (dicts, lists, tuples, sets of ints), instances
# of plain classes, shared references and reference cycles (the memo must preserve them), and a
# class with its own __deepcopy__. Imports: copy.

from _scale import scaled

import copy


class Node:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.children = []
        self.parent = None


class Custom:
    def __init__(self, items):
        self.items = items
        self.copies = 0

    def __deepcopy__(self, memo):
        clone = Custom(copy.deepcopy(self.items, memo))
        clone.copies = self.copies + 1
        return clone


def make_data():
    shared = [1, 2, 3, "shared"]
    root = Node("root", 0)
    for i in range(10):
        child = Node("child%d" % i, i * 1.5)
        child.parent = root
        child.children = [Node("leaf%d-%d" % (i, j), (i, j)) for j in range(3)]
        root.children.append(child)
    data = {
        "ints": list(range(50)),
        "strings": ["s%d" % i for i in range(20)],
        "floats": [i / 7 for i in range(20)],
        "tuple": (1, "two", 3.0, (4, 5), None, True),
        "nested": {"a": {"b": {"c": [{"d": i} for i in range(5)]}}},
        "set": {3, 1, 4, 1, 5, 9, 2, 6},
        "shared1": shared,
        "shared2": shared,
        "tree": root,
        "custom": Custom([shared, {"k": "v"}]),
    }
    data["self"] = data
    return data


def checksum(obj, seen):
    if id(obj) in seen:
        return 7
    if isinstance(obj, (list, tuple)):
        seen.add(id(obj))
        h = len(obj)
        for x in obj:
            h = (h * 31 + checksum(x, seen)) % 1000000007
        return h
    if isinstance(obj, dict):
        seen.add(id(obj))
        h = 17
        for k, v in obj.items():
            h = (h * 31 + checksum(k, seen) * 3 + checksum(v, seen)) % 1000000007
        return h
    if isinstance(obj, (set, frozenset)):
        return sum(obj) * 13 + len(obj)
    if isinstance(obj, Node):
        seen.add(id(obj))
        return (checksum(obj.name, seen) + checksum(obj.value, seen) * 5
                + checksum(obj.children, seen)) % 1000000007
    if isinstance(obj, Custom):
        return checksum(obj.items, seen) + obj.copies
    if isinstance(obj, str):
        h = 0
        for ch in obj:
            h = (h * 131 + ord(ch)) % 1000000007
        return h
    if isinstance(obj, float):
        return int(obj * 1000)
    if obj is None:
        return 1
    if obj is True:
        return 2
    return int(obj) % 1000000007


def main(rounds):
    data = make_data()
    for _ in range(rounds):
        clone = copy.deepcopy(data)
    assert clone is not data
    assert clone["self"] is clone
    assert clone["shared1"] is clone["shared2"]
    assert clone["shared1"] is not data["shared1"]
    assert clone["custom"].items[0] is clone["shared1"]
    assert clone["tree"].children[3].parent is clone["tree"]
    print(checksum(data, set()), checksum(clone, set()))
    print(clone["custom"].copies, len(clone["tree"].children), clone["tree"].children[9].children[2].value)
    lists = [[i, [i + 1, (i + 2, [i + 3])]] for i in range(100)]
    total = 0
    for _ in range(rounds * 4):
        copied = copy.deepcopy(lists)
        total += copied[-1][1][1][1][0]
    print(total)


main(scaled(350))
